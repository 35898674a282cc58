package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static String sentence(int i) {
        return "Sentence number " + i + " talks about topic " + i + " in some detail so that it has a length.";
    }

    private static String text(int sentences) {
        return String.join(
                " ",
                IntStream.range(0, sentences).mapToObj(ChunkerTest::sentence).toList());
    }

    @Test
    void keepsShortTextInOneChunk() {
        List<Chunk> chunks = Chunker.chunk(List.of(new Section(3, null, "One sentence. Two sentences.")));
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).text()).isEqualTo("One sentence. Two sentences.");
        assertThat(chunks.get(0).page()).isEqualTo(3);
        assertThat(chunks.get(0).position()).isZero();
    }

    @Test
    void cutsAlongSentencesNearTheTargetWithTwoSentencesOverlap() {
        List<Chunk> chunks = Chunker.chunk(List.of(new Section(null, "Intro", text(60))));
        assertThat(chunks).hasSizeGreaterThan(3);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.text().length()).isLessThanOrEqualTo(Chunker.TARGET);
            assertThat(c.text()).endsWith(".");
            assertThat(c.position()).isEqualTo(i);
            assertThat(c.heading()).isEqualTo("Intro");
            if (i < chunks.size() - 1) {
                // a full chunk is close to the target, not cut early
                assertThat(c.text().length()).isGreaterThan(Chunker.TARGET - 120);
                List<String> these = Chunker.sentences(c.text());
                List<String> next = Chunker.sentences(chunks.get(i + 1).text());
                assertThat(next.subList(0, 2)).isEqualTo(these.subList(these.size() - 2, these.size()));
            }
        }
        // every sentence made it into some chunk
        String all = String.join(" ", chunks.stream().map(Chunk::text).toList());
        IntStream.range(0, 60).forEach(i -> assertThat(all).contains(sentence(i)));
    }

    @Test
    void neverCrossesASectionSoEachChunkKeepsItsPage() {
        List<Chunk> chunks = Chunker.chunk(List.of(
                new Section(1, null, "Page one speaks of apples."), new Section(2, null, "Page two speaks of pears.")));
        assertThat(chunks).extracting(Chunk::page).containsExactly(1, 2);
        assertThat(chunks).extracting(Chunk::position).containsExactly(0, 1);
    }

    @Test
    void splitsASentenceLongerThanAChunkAtWords() {
        String endless = String.join(
                " ", IntStream.range(0, 600).mapToObj(i -> "word" + i).toList());
        List<Chunk> chunks = Chunker.chunk(List.of(new Section(null, null, endless)));
        assertThat(chunks).hasSizeGreaterThan(2);
        chunks.forEach(c -> assertThat(c.text().length()).isLessThanOrEqualTo(Chunker.TARGET));
        String all = String.join(" ", chunks.stream().map(Chunk::text).toList());
        assertThat(all).contains("word0 ").contains("word599");
        assertThat(all).doesNotContain("wor d");
    }

    @Test
    void hashesTheNormalisedTextSoLayoutDoesNotMakeADifferentPassage() {
        Chunk a = new Chunk(0, 1, null, "The  Warranty covers\nparts and labour.");
        Chunk b = new Chunk(5, 9, "x", "the warranty covers parts and labour.");
        Chunk c = new Chunk(0, 1, null, "The warranty covers parts only.");
        assertThat(a.contentHash()).isEqualTo(b.contentHash()).hasSize(64);
        assertThat(a.contentHash()).isNotEqualTo(c.contentHash());
    }

    @Test
    void ignoresBlankSections() {
        assertThat(Chunker.chunk(List.of(new Section(1, null, "   \n\t ")))).isEmpty();
    }
}
