package dev.sitter.cli;

import dev.sitter.leonardo.ClientConfig;
import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.leonardo.LeonardoEnvironment;
import dev.sitter.leonardo.LeonardoException;
import dev.sitter.leonardo.Me;
import dev.sitter.leonardo.PlatformModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code sitter account [--models]}: live or offline, where the key comes from, credits, slots, models. */
final class AccountCommand implements Command {
    @Override public String name() { return "account"; }

    @Override public String summary() { return "show live/offline mode, API key source, credits and models"; }

    @Override public String help() {
        return """
            usage: sitter account [--models]

            Says whether Sitter talks to Leonardo (LEONARDO_API_KEY or ~/.sitter/credentials set)
            or works offline against the sandbox, where the key comes from (masked), and, when live,
            your API credits and concurrency slots (GET /me). --models also lists Leonardo's
            platform models with their ids (GET /platformModels). Costs nothing.

            example: sitter account --models
            """;
    }

    @Override public int run(List<String> args, CliContext ctx) {
        boolean models = false;
        for (String a : args) {
            if (a.equals("--models")) models = true;
            else throw new UsageException("unknown option '" + a + "'");
        }
        Path home = Path.of(System.getProperty("user.home"));
        Optional<ClientConfig> live;
        try {
            live = LeonardoEnvironment.live(ctx.env(), home);
        } catch (LeonardoException e) {
            ctx.err().println("sitter account: " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        }
        if (live.isEmpty()) {
            ctx.out().println("mode: offline (no LEONARDO_API_KEY and no key in ~/.sitter/credentials): scripts run against the sandbox, no credits are spent");
            return ExitCodes.OK;
        }
        ClientConfig cfg = live.get();
        ctx.out().println("mode: live, " + cfg.baseUrl());
        ctx.out().println("key:  " + cfg.apiKey().masked() + " from " + LeonardoEnvironment.keySource(ctx.env(), home));
        try (LeonardoClient client = LeonardoClient.create(cfg)) {
            Me me = client.me();
            ctx.out().println("user: " + me.username() + " (" + me.userId() + ")");
            ctx.out().println("api credits: " + me.apiCredits() + " (subscription " + nz(me.apiSubscriptionTokens())
                    + ", paid " + nz(me.apiPaidTokens()) + "), concurrency slots: " + nz(me.apiConcurrencySlots()));
            if (models) {
                for (PlatformModel m : client.models()) ctx.out().println(String.format("  %-36s %s", m.id(), m.name()));
            }
            return ExitCodes.OK;
        } catch (LeonardoException e) {
            ctx.err().println("sitter account: " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        }
    }

    private static String nz(Integer v) { return v == null ? "?" : v.toString(); }
}
