package cn.foi.command.store;

import cn.foi.platform.status.EventStoreHead;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a query side in another process ask how far the event store and its publication have got. */
@RestController
@Tag(name = "运行状态")
public class EventStoreHeadController {

    private final EventStoreHead head;

    public EventStoreHeadController(EventStoreHead head) {
        this.head = head;
    }

    @GetMapping("/api/events/head")
    @Operation(summary = "事件存储的最新位置及已发布到 Kafka 的位置")
    public EventStoreHead.Head head() {
        return head.current();
    }
}
