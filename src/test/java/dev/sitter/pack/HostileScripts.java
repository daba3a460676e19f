package dev.sitter.pack;

import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of hostile pack scripts: each is a script text and a fragment the refusal must
 * contain. Drawn from the constructs the pack issue names and the sandbox-escape tricks Jenkins'
 * script-security fixed over the years (research section 1.3.2). Shared by validator and import tests.
 */
final class HostileScripts {
    record Case(String name, String script, String expect) {
        @Override public String toString() { return name; }
    }

    private HostileScripts() {}

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        // imports and packages
        c.add(new Case("import", "import java.io.File\ncharacter('a') { name 'x' }", "import"));
        c.add(new Case("static import", "import static java.lang.System.exit\nexit(0)", "import"));
        c.add(new Case("aliased import", "import java.lang.Runtime as R\ncharacter('a') { name 'x' }", "import"));
        c.add(new Case("star import", "import java.nio.file.*\ncharacter('a') { name 'x' }", "import"));
        c.add(new Case("package", "package evil\ncharacter('a') { name 'x' }", "package"));
        // compile-time code: annotations
        c.add(new Case("@Grab", "@Grab('org.evil:evil:6.6.6')\nimport groovy.json.JsonSlurper\ncharacter('a') {}", "@Grab"));
        c.add(new Case("@ASTTest", "@groovy.transform.ASTTest(value={ System.setProperty('sitter.pwned', 'asttest') })\ndef x = 1", "@ASTTest"));
        c.add(new Case("@ASTTest on import", "@groovy.transform.ASTTest(value={ System.setProperty('sitter.pwned', 'import') })\nimport java.lang.String\ncharacter('a') {}", "@ASTTest"));
        c.add(new Case("@CompileStatic extensions", "@groovy.transform.CompileStatic(extensions=['evil.groovy'])\nclass A {}", "@CompileStatic"));
        c.add(new Case("@Field with implicit cast", "@groovy.transform.Field File f = ['secret.key']", "@Field"));
        c.add(new Case("@BaseScript", "@groovy.transform.BaseScript(groovy.lang.Script) def s\ncharacter('a') {}", "@BaseScript"));
        // definitions
        c.add(new Case("class with static init", "class Evil { static { System.exit(1) } }", "class definition `Evil`"));
        c.add(new Case("interface", "interface I {}\ncharacter('a') {}", "interface definition"));
        c.add(new Case("enum", "enum E { A }\ncharacter('a') {}", "enum definition"));
        c.add(new Case("trait", "trait T { def x() { 1 } }", "definition `T`"));
        c.add(new Case("GroovyInterceptable", "class T implements GroovyInterceptable { def invokeMethod(String n, Object a) { 1 } }", "class definition"));
        c.add(new Case("method definition", "def evil() { 'id'.execute() }\ncharacter('a') {}", "method definition `evil`"));
        c.add(new Case("method with File default", "def m(File f = ['secret.key']) { f }", "method definition `m`"));
        // processes and evaluation
        c.add(new Case("string execute", "'rm -rf /'.execute()", "execute"));
        c.add(new Case("list execute", "['sh', '-c', 'id'].execute()", "execute"));
        c.add(new Case("execute inside a block", "character('a') { name 'id'.execute().text }", "execute"));
        c.add(new Case("Eval.me", "Eval.me('1 + 1')", "Eval.me"));
        c.add(new Case("new GroovyShell", "new GroovyShell().evaluate('System.exit(1)')", "GroovyShell"));
        c.add(new Case("script evaluate", "evaluate('System.exit(1)')", "`evaluate`"));
        c.add(new Case("script run", "run()", "`run`"));
        c.add(new Case("System.exit", "System.exit(0)", "System.exit"));
        c.add(new Case("cast receiver", "((Object) System).exit(0)", "exit"));
        c.add(new Case("alias via variable", "def s = System\ns.exit(0)", "variable declaration"));
        c.add(new Case("new File", "character('a') { name new File('/etc/passwd').text }", "new"));
        c.add(new Case("println", "println 'hello'", "`println`"));
        c.add(new Case("getBinding", "character('a') { name 'x'; getBinding().setVariable('x', 1) }", "`getBinding`"));
        c.add(new Case("with closure", "with { System.exit(1) }", "`with`"));
        // GStrings
        c.add(new Case("GString with code", "character('a') { name \"${'id'.execute().text}\" }", "GString"));
        c.add(new Case("GString with variable", "character('a') { name \"Mara $x\" }", "GString"));
        c.add(new Case("lazy GString", "character('a') { name \"${-> System.exit(1)}\" }", "GString"));
        c.add(new Case("slashy GString", "character('a') { name(/a${System.getenv()}b/) }", "GString"));
        // casts and implicit constructors (SECURITY-1353/2824/3016/3792)
        c.add(new Case("as File", "character('a') { name('/tmp/foo' as File) }", "cast"));
        c.add(new Case("list as Exception", "['true'] as Exception", "cast"));
        c.add(new Case("paren cast", "character('a') { name((java.lang.String) 'x') }", "cast"));
        c.add(new Case("typed declaration cast", "character('a') { File f = ['secret.key'] }", "variable declaration"));
        c.add(new Case("map constructor", "def t = [f: ['secret.key']] as java.util.TreeMap", "variable declaration"));
        c.add(new Case("typed for-each", "for (File f in [['secret.key']]) { }", "`for` loop"));
        // properties, pointers, MOP
        c.add(new Case("class loader", "character('a') { name this.class.classLoader.toString() }", "on an object"));
        c.add(new Case("property access", "character('a') { hair Runtime.runtime }", "property access"));
        c.add(new Case("metaClass assignment", "character('a') { metaClass.invokeMethod = { n, a -> 1 } }", "assignment"));
        c.add(new Case("metaClass swap", "String.metaClass = Integer.metaClass", "assignment"));
        c.add(new Case("method pointer", "character('a') { hair System.&exit }", "method pointer"));
        c.add(new Case("method reference", "character('a') { hair String::valueOf }", "method reference"));
        c.add(new Case("attribute access", "character('a') { hair this.@binding }", "attribute"));
        c.add(new Case("computed name by closure", "1.({ System.exit(1); 'toString' }())()", "method call"));
        c.add(new Case("computed name GString", "\"${'evaluate'}\"('System.exit(1)')", "computed method name"));
        c.add(new Case("explicit this", "this.evaluate('1')", "on an object"));
        c.add(new Case("it receiver", "character('a', { it.name 'x' })", "on an object"));
        c.add(new Case("spread argument", "character('a') { features(*['a', 'b']) }", "spread"));
        c.add(new Case("index access", "character('a') { name ['a'][0] }", "index"));
        // control flow
        c.add(new Case("if", "if (true) { character('a') {} }", "`if`"));
        c.add(new Case("while", "while (true) { }", "`while`"));
        c.add(new Case("try/finally", "try { character('a') {} } finally { }", "`try`"));
        c.add(new Case("throw", "throw new Error('x')", "`throw`"));
        c.add(new Case("assert with side effect", "assert 'id'.execute()", "`assert`"));
        c.add(new Case("switch", "switch (1) { case 1: break }", "`switch`"));
        c.add(new Case("label", "evil: character('a') { name 'x' }", "label"));
        c.add(new Case("binding assignment", "x = 'y'\ncharacter('a') { name 'x' }", "assignment"));
        // blocks with parameters (typed params and defaults are implicit casts)
        c.add(new Case("block with param", "character('a') { x -> name 'a' }", "parameters"));
        c.add(new Case("block with typed default", "character('a') { File f = ['x'] -> name 'a' }", "parameters"));
        c.add(new Case("lambda", "character('a', (x) -> 1)", "lambda"));
        c.add(new Case("closure as value", "character('a') { hair({ 'x' }) }", "block after `hair`"));
        // grammar
        c.add(new Case("unknown keyword", "character('a') { hiar 'black' }", "did you mean `hair`"));
        c.add(new Case("keyword in wrong block", "character('a') { tokens 'x' }", "`tokens`"));
        c.add(new Case("refine needs runtime values", "refine 'x', strength: 0.3", "`refine`"));
        c.add(new Case("pack import from a pack", "pack 'import', '../../evil.zip', trust: true", "`pack`"));
        c.add(new Case("pack export from a pack", "pack 'export', 'stolen', scripts: ['/home/u/secret.groovy'], out: '/tmp/x.zip'", "`pack`"));
        c.add(new Case("mask outside pack", "pipeline('p') { inpaint mask: '../../x.png' }", "'..'"));
        c.add(new Case("undefined name", "generate mara, template: 'canonical'", "the name `mara`"));
        c.add(new Case("finalize", "finalize()", "`finalize`"));
        // paths
        c.add(new Case("path traversal", "character('a') { anchors { image '../../etc/passwd' } }", "'..'"));
        c.add(new Case("absolute path", "character('a') { anchors { image '/etc/passwd' } }", "absolute"));
        c.add(new Case("include traversal", "include '../other.groovy'", "'..'"));
        c.add(new Case("windows path", "include 'C:\\\\Windows\\\\x.groovy'", "drive letter"));
        c.add(new Case("lut outside pack", "pipeline('p') { grade lut: '/home/u/.ssh/id_rsa' }", "absolute"));
        c.add(new Case("path from a name", "character('a') { name 'x' }\nstyle('s') { reference a }", "non-constant file path"));
        // resource limits
        c.add(new Case("huge range", "character('a') { features 1..2147483647 }", "range"));
        c.add(new Case("huge script", "character('a') { name '" + "x".repeat(ScriptParser.MAX_SOURCE_CHARS) + "' }", "the limit is"));
        c.add(new Case("deep nesting", "character('a') { features(" + "[".repeat(2000) + "]".repeat(2000) + ") }", "nested 2002 deep"));
        c.add(new Case("syntax error", "character('a') { name 'x' ", "syntax error"));
        return c;
    }
}
