package dev.sitter.pipeline;

/**
 * Decides a QA check for one image: the console asks the user (showing the image); scripts use
 * {@link #byDrift}, which passes every check of an image whose drift score is at most a threshold.
 */
public interface QaJudge {
    boolean passes(Item item, String check);

    /**
     * Automatic QA: an image passes when its drift score against the character is at most
     * {@code maxDrift} (images not yet scored are scored by the runner first). It cannot read the
     * check's words; it is the stand-in when nobody is there to look.
     */
    static QaJudge byDrift(double maxDrift) {
        return (item, check) -> item.drift() != null && item.drift() <= maxDrift;
    }
}
