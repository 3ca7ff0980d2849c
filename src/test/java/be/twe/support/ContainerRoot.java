package be.twe.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A root file system run as a container runtime runs an image's, without one (ADR 0022): a mount
 * namespace of its own with the root read-only, /proc, /dev and the host's name files as a runtime
 * gives them, and /tmp a tmpfs (the Kubernetes manifest's emptyDir) or a directory of the host's.
 * The entrypoint then replaces the shell, so that SIGTERM reaches the JVM as it does in a pod.
 */
public final class ContainerRoot {
    private ContainerRoot() {
    }

    /**
     * The command that runs {@code entrypoint} in {@code root} as {@code user}, with {@code tmp}
     * on /tmp, or a tmpfs there when it is null, and the image's {@code PATH}.
     */
    public static List<String> command(Path root, String user, Path tmp, List<String> entrypoint) {
        boolean rootUser = "root".equals(System.getProperty("user.name"));
        String r = root.toString();
        String script = String.join(" && ", "mkdir -p " + r + "/proc " + r + "/dev",
                "touch " + r + "/etc/hosts " + r + "/etc/resolv.conf", "mount --bind " + r + " " + r,
                "mount --rbind /dev " + r + "/dev", "mount --rbind /proc " + r + "/proc",
                "mount --bind /etc/hosts " + r + "/etc/hosts", "mount --bind /etc/resolv.conf " + r + "/etc/resolv.conf",
                "mount -o remount,bind,ro " + r,
                tmp == null ? "mount -t tmpfs -o mode=1777 tmpfs " + r + "/tmp" : "mount --bind " + tmp + " " + r + "/tmp",
                "exec env PATH=\"$image_path\" /usr/sbin/chroot " + (rootUser ? "--userspec=" + user + " " : "")
                        + r + " \"$@\"");
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount"));
        if (!rootUser) { // the user's own namespace, where it is root and may mount
            command.addAll(List.of("--user", "--map-root-user"));
        }
        // the host's tools by their path: the process has only the image's environment
        command.addAll(List.of("/bin/sh", "-c", "image_path=$PATH; PATH=/usr/sbin:/usr/bin:/sbin:/bin; " + script, "container"));
        command.addAll(entrypoint);
        return command;
    }

    /** Runs a host command to its end; fails with its output when it fails. */
    public static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }
}
