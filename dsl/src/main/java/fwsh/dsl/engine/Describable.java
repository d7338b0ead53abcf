package fwsh.dsl.engine;

/** Every DSL object answers {@code help(obj)} with a short description of what it is and what it offers. */
public interface Describable {
    String describe();

    /** As {@link #describe()}, fitted to {@code width} columns (0: no limit); help(x) asks for the terminal's. */
    default String describe(int width) {
        return describe();
    }
}
