package cn.foi.allinone;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT through {@code sun.misc.Signal} (by reflection, as Kafka's own launcher does, to keep javac quiet
 * about the internal API). A signal the parent set to "ignored" (SIGINT for a background job of a script) stays ignored.
 */
final class Signals {

    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Runs {@code action} on the JVM's signal thread when the process is asked to terminate. */
    static void onTermination(Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "foi termination handler";
                        default -> null;
                    });
            Object ignore = handlerClass.getField("SIG_IGN").get(null);
            for (String name : new String[] {"TERM", "INT"}) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                Object previous = signalClass.getMethod("handle", signalClass, handlerClass)
                        .invoke(null, signal, handler);
                if (ignore.equals(previous)) {
                    signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, previous);
                }
            }
        } catch (InvocationTargetException e) {
            log.warn("Cannot handle the termination signals: {}", e.getCause().toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot handle the termination signals: {}", e.toString());
        }
    }
}
