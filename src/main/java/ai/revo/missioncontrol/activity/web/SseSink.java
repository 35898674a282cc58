package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.EventEnvelope;
import ai.revo.missioncontrol.activity.LiveSubscriber;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Writes events to a Server-Sent Events response: {@code id:} is the seq, {@code data:} the JSON envelope. */
final class SseSink implements LiveSubscriber.Sink {

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    /**
     * One write per event: the whole frame is built here and handed over as a single part, rather than letting the
     * emitter pass each of its lines through the message converters (with a thousand clients that was most of the
     * fan-out's cost). The envelope's JSON has no line breaks, so it fits one {@code data:} line.
     */
    @Override
    public void send(EventEnvelope event, String json) throws IOException {
        String frame = "id:" + event.seq() + "\nevent:mission-event\ndata:" + json + "\n\n";
        synchronized (emitter) {
            emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(frame, MediaType.TEXT_PLAIN)));
        }
    }

    @Override
    public void keepAlive() throws IOException {
        synchronized (emitter) {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        }
    }

    @Override
    public void close(String reason) {
        try {
            emitter.complete();
        } catch (RuntimeException ignored) {
            // the connection is already gone
        }
    }
}
