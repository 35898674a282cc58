package ai.revo.archfixture.ai;

/** Stands for the real LLM gateway in the transaction rule's fixture. */
public class LlmGateway {
    public String generate(String prompt) {
        return prompt;
    }
}
