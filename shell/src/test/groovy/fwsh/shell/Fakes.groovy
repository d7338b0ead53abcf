package fwsh.shell

import fwsh.dsl.engine.ArgumentCompletable
import fwsh.dsl.engine.Completable
import fwsh.dsl.engine.Describable

/** Small stand-ins for DSL objects: a register value with a one-liner and toMap(). */
class FakeValue implements Describable {
    String name
    Map<String, Object> fields

    Map<String, Object> toMap() { fields }

    String show() { fields.collect { k, v -> "$k = $v" }.join('\n') }

    String describe() { "register value $name" }

    String toString() { "$name(" + fields.collect { k, v -> "$k=$v" }.join(' ') + ')' }
}

/** dev.reg stand-in: register names from completionCandidates, each a FakeRegister property. */
class FakeRegisters implements Completable {
    List<String> completionCandidates() { ['PAOS', 'PPCNT', 'PMTU'] }

    def propertyMissing(String name) {
        if (name in completionCandidates()) return new FakeRegister(name: name)
        throw new MissingPropertyException(name, FakeRegisters)
    }
}

class FakeRegister implements ArgumentCompletable {
    String name
    int reads

    List<String> argumentNames(String method) { method in ['read', 'write'] ? ['local_port', 'grp', 'admin_status'] : [] }

    List<String> argumentValues(String method, String argument) {
        argument == 'admin_status' ? ['up', 'down', 'up_once'] : argument == 'grp' ? ['ieee_802_3'] : []
    }

    FakeValue read(Map args) {
        reads++
        new FakeValue(name: name, fields: [local_port: args.local_port ?: 0, admin_status: 'up'])
    }
}

/** A device with a plain (non-Completable) surface, a side-effecting method and a counter to prove it is never called. */
class FakeDevice {
    String name = 'mlx5_0'
    FakeRegisters reg = new FakeRegisters()
    int calls

    String getPci() { '0000:3b:00.0' }

    def reset() { calls++; 'reset!' }

    def rpc(Map args) { calls++ }
}
