package com.syncledger.app.config;

import com.syncledger.connectors.wire.Env;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name this process goes by among the instances sharing one database: {@code SYNCLEDGER_INSTANCE_NAME},
 * or the host name and process id. It is on every log line, tags every metric, is recorded on each sync run
 * the process executes, and is the db-scheduler name that marks the tasks it has picked.
 */
public record InstanceName(String value) {

    public static final String VARIABLE = "SYNCLEDGER_INSTANCE_NAME";
    private static final int MAX_LENGTH = 100;

    private static volatile String current = hostAndPid();

    public InstanceName {
        value = checked(value);
    }

    /**
     * Resolves the name from {@code env} and makes it the process's name from now on.
     *
     * @throws IllegalArgumentException when the configured name is blank, too long or has control characters
     */
    public static InstanceName resolve(Env env) {
        InstanceName name = new InstanceName(env.get(VARIABLE).orElseGet(InstanceName::hostAndPid));
        current = name.value;
        return name;
    }

    @Override
    public String toString() {
        return value;
    }

    /** The process's name: the resolved one, or the host name and process id before it is resolved. */
    public static String current() {
        return current;
    }

    static String checked(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(VARIABLE + " must be 1 to " + MAX_LENGTH
                    + " printable characters, was " + (trimmed.isEmpty() ? "blank" : "'" + trimmed + "'"));
        }
        return trimmed;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
