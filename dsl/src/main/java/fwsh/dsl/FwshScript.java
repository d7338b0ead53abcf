package fwsh.dsl;

import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.Journal;
import fwsh.dsl.engine.Privilege;
import groovy.lang.Closure;
import groovy.lang.Script;

import java.util.List;

/** The base class of every fwsh script: what a user can call without a receiver. */
public abstract class FwshScript extends Script {

    /** The binding variable the runner puts the script's text in (for its header). */
    static final String SOURCE = "scriptSource";

    /** The script's leading {@code //} comment lines without the slashes: what {@code --help} prints. */
    public String scriptHeader() {
        Object text = getBinding().hasVariable(SOURCE) ? getBinding().getVariable(SOURCE) : null;
        StringBuilder sb = new StringBuilder();
        if (text != null) {
            for (String line : text.toString().split("\n")) {
                if (!line.startsWith("//")) break;
                sb.append(line.startsWith("// ") ? line.substring(3) : line.substring(2)).append('\n');
            }
        }
        return sb.toString();
    }

    protected Session session() {
        return (Session) getBinding().getVariable("session");
    }

    public List<Device> getDevices() {
        return session().devices();
    }

    /** device(0), device('0000:3b:00.0'), device('3b:00.0'), device('mlx5_0'), device('eth2'), device('/dev/fwctl/fwctl0'). */
    public Device device(Object selector) {
        return session().device(selector);
    }

    /** Runs the block with the scope raised, if the session's ceiling (--scope) allows it. */
    public Object withScope(String scope, Closure<?> body) throws Exception {
        return session().scopes().with(Privilege.parse(scope), body::call);
    }

    public Journal getJournal() {
        return session().journal();
    }

    /** help(obj): what an object is and what it offers. */
    public String help(Object target) {
        if (target instanceof Describable d) return d.describe();
        return target == null ? "null" : target.getClass().getSimpleName() + ": " + target;
    }
}
