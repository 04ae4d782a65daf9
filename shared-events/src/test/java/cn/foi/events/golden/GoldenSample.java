package cn.foi.events.golden;

import java.nio.file.Path;
import org.axonframework.serialization.Revision;

/** Where the golden sample of an event type and revision lives: {@code golden/<area>/<SimpleName>.r<revision>.json}. */
final class GoldenSample {

    static final String ROOT = "cn.foi.events.";

    /** The samples in the module's sources (tests run in the module's folder). */
    static final Path DIRECTORY = Path.of("src/test/resources/golden");

    private GoldenSample() {
    }

    static String fileName(Class<?> type, String revision) {
        String area = type.getPackageName().substring(ROOT.length()).replace('.', '/');
        return area + "/" + type.getSimpleName() + ".r" + revision + ".json";
    }

    static String currentRevision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Revision");
        }
        return revision.value();
    }
}
