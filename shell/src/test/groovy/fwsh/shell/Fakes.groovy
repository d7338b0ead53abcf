package fwsh.shell

import fwsh.dsl.engine.Describable

/** A stand-in for printing: a value with a one-liner, show() and toMap(), as register values have. */
class FakeValue implements Describable {
    String name
    Map<String, Object> fields

    Map<String, Object> toMap() { fields }

    String show() { fields.collect { k, v -> "$k = $v" }.join('\n') }

    String describe() { "register value $name" }

    String toString() { "$name(" + fields.collect { k, v -> "$k=$v" }.join(' ') + ')' }
}
