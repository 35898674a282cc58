package ai.revo.missioncontrol.ai;

import java.util.List;

import org.springframework.stereotype.Component;

/** CONTRACT STUB: replaced by the ai module's implementation. */
@Component
public class ContentScorer {

    public ContentScore score(String text) {
        return new ContentScore(0, 0.5, List.of());
    }
}
