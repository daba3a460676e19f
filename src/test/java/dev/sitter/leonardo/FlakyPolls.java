package dev.sitter.leonardo;

import mockwebserver3.MockResponse;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Makes the next status reads of any generation fail with the given answers, in order. */
final class FlakyPolls {
    private FlakyPolls() {}

    static void install(FakeLeonardo fake, List<MockResponse> answers) {
        ConcurrentLinkedQueue<MockResponse> q = new ConcurrentLinkedQueue<>(answers);
        fake.prefixFaults.put("GET " + FakeLeonardo.PREFIX + "/generations/", r ->
                r.getUrl().encodedPath().contains("/generations/user/") ? null : q.poll());
    }
}
