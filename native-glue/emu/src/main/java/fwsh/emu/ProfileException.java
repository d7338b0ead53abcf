package fwsh.emu;

import fwsh.base.ArgumentException;

/** An emulator profile that cannot be used: unknown, unreadable, or a key with a bad value (the message names it). */
public class ProfileException extends ArgumentException {
    public ProfileException(String message) {
        super(message);
    }
}
