package dev.sitter.pipeline;

/**
 * Decides a QA check for one image: the console asks the user (showing the image); scripts use
 * {@link #byDrift}, which passes every check of an image whose drift score is at most a threshold.
 */
public interface QaJudge {
    boolean passes(Item item, String check);

    /**
     * How the verdict on {@code item} was reached, recorded as the QA result's note (e.g. "judged by
     * drift 0.180 <= 0.25"), or null when the judge looked at the check itself (a person asked).
     */
    default String basis(Item item, String check) {
        return null;
    }

    /** How this judge decides, for the step's summary (e.g. "judged by drift <= 0.25"), or null. */
    default String rule() {
        return null;
    }

    /**
     * Automatic QA: an image passes when its drift score against the character is at most
     * {@code maxDrift} (images not yet scored are scored by the runner first). It cannot read the
     * check's words; it is the stand-in when nobody is there to look.
     */
    static QaJudge byDrift(double maxDrift) {
        return new QaJudge() {
            @Override public boolean passes(Item item, String check) {
                return item.drift() != null && item.drift() <= maxDrift;
            }

            @Override public String rule() {
                return String.format(java.util.Locale.ROOT, "each judged by drift <= %.2f, not by reading the checks", maxDrift);
            }

            // Every check of an image gets the same verdict: the note says so, so the record is honest.
            @Override public String basis(Item item, String check) {
                return item.drift() == null ? "judged by drift: no drift score (no master or anchors), so failed"
                        : String.format(java.util.Locale.ROOT, "judged by drift %.3f %s %.2f, not by reading the check",
                        item.drift(), item.drift() <= maxDrift ? "<=" : ">", maxDrift);
            }
        };
    }
}
