package fwsh.dsl;

import groovy.lang.Script;

import java.util.List;

/** The base class of every fwsh script: what a user can call without a receiver. */
public abstract class FwshScript extends Script {

    protected Session session() {
        return (Session) getBinding().getVariable("session");
    }

    public List<Device> getDevices() {
        return session().devices();
    }

    /** help(obj): what an object is and what it offers. */
    public String help(Object target) {
        if (target instanceof Describable d) return d.describe();
        return target == null ? "null" : target.getClass().getSimpleName() + ": " + target;
    }
}
