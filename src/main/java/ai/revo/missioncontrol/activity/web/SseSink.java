package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.EventEnvelope;
import ai.revo.missioncontrol.activity.LiveSubscriber;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Writes events to a Server-Sent Events response: {@code id:} is the seq, {@code data:} the JSON envelope. */
final class SseSink implements LiveSubscriber.Sink {

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(EventEnvelope event, String json) throws IOException {
        synchronized (emitter) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(event.seq()))
                    .name("mission-event")
                    .data(json, MediaType.APPLICATION_JSON));
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
