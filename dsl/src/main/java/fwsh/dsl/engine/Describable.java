package fwsh.dsl.engine;

/** Every DSL object answers {@code help(obj)} with a short description of what it is and what it offers. */
public interface Describable {
    String describe();
}
