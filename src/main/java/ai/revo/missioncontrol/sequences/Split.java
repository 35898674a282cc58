package ai.revo.missioncontrol.sequences;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * The deterministic A/B split: a lead's variant of a step is fixed by a hash of the lead and the step, in the
 * variants' stated proportions, so a re-run (another node, a restart) picks the same variant.
 */
final class Split {

    private Split() {}

    /** The variant of {@code variants} (two or more, weights at least 1) for this lead on this step. */
    static SequenceView.Variant pick(UUID leadId, UUID stepId, List<SequenceView.Variant> variants) {
        long total = 0;
        for (SequenceView.Variant v : variants) {
            total += v.weight();
        }
        long bucket = Long.remainderUnsigned(hash(leadId, stepId), total);
        for (SequenceView.Variant v : variants) {
            if (bucket < v.weight()) {
                return v;
            }
            bucket -= v.weight();
        }
        throw new IllegalStateException("unreachable");
    }

    static long hash(UUID leadId, UUID stepId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((leadId + ":" + stepId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
