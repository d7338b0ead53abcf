package fwsh.shell;

import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;

/** Entry point of the fwsh launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try (Session session = Session.open(new SessionOptions())) {
            session.banner().forEach(System.out::println);
        }
    }
}
