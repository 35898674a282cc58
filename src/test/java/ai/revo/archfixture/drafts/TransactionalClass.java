package ai.revo.archfixture.drafts;

import ai.revo.archfixture.ai.LlmGateway;
import org.springframework.transaction.annotation.Transactional;

/** Violation: a class-level @Transactional makes every public method transactional. */
@Transactional
public class TransactionalClass {
    private final LlmGateway llm = new LlmGateway();

    public String summarise(String text) {
        return llm.generate(text);
    }
}
