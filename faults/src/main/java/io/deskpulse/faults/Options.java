package io.deskpulse.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The suite's arguments; {@code --help} lists them. */
final class Options {

    static final String USAGE = """
            usage: java -jar faults/target/deskpulse-faults.jar [options]
              --profile full|ci          how hard each phase pushes (default ci; deploy/local/faults.sh runs full)
              --root DIR                 the DeskPulse checkout: deploy/local/lib.sh and the packaged services (default .)
              --work-dir DIR             logs and the broker's data (default: a temporary directory, removed after a
                                         passed run)
              --ports fixed|free         fixed (default): services 18081-18083 (a second scoring instance 18084), Kafka
                                         29092/29093, PostgreSQL 15433, proxy 15434; free: any unused ports
              --faults NAME,...          only these: scoring-kill, ingestion-kill, broker-kill, postgres-crash,
                                         rebalance, partition (default all, in that order)
              --seed N                   traffic seed (default: new each run)
              --json FILE                write the results as JSON
              --markdown FILE            regenerate the results section of this page (between <!-- results:start/end -->)
              --stack-info TEXT          recorded with the results (e.g. the git commit)
              overrides of the profile: --events N --rate N --down-seconds S --partition-seconds S
                --idle-transaction-timeout D   scoring's deskpulse.scoring.idle-transaction-timeout (default 10s; 0
                                               switches it off, as scoring was before: partition-cut then stalls)
            """;

    Profile profile = Profile.named("ci");
    Path root = Path.of(".");
    Path workDir;
    boolean freePorts;
    List<Fault> faults = Fault.all();
    long seed = System.currentTimeMillis() % 100_000_000L;
    Path json;
    Path markdown;
    String stackInfo = "";

    static Options parse(String... args) {
        Options o = new Options();
        List<String> list = new ArrayList<>(Arrays.asList(args));
        int profileAt = list.indexOf("--profile");
        if (profileAt >= 0) {
            o.profile = Profile.named(value(list, profileAt));
        }
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--profile" -> i++;
                case "--root" -> o.root = Path.of(value(list, i++));
                case "--work-dir" -> o.workDir = Path.of(value(list, i++));
                case "--ports" -> {
                    String ports = value(list, i++);
                    if (!ports.equals("fixed") && !ports.equals("free")) {
                        throw new IllegalArgumentException("--ports is fixed or free, not " + ports);
                    }
                    o.freePorts = ports.equals("free");
                }
                case "--faults" -> o.faults = faults(value(list, i++));
                case "--seed" -> o.seed = Long.parseLong(value(list, i++));
                case "--json" -> o.json = Path.of(value(list, i++));
                case "--markdown" -> o.markdown = Path.of(value(list, i++));
                case "--stack-info" -> o.stackInfo = value(list, i++);
                case "--events", "--rate", "--down-seconds", "--partition-seconds", "--idle-transaction-timeout" ->
                        o.profile = o.profile.with(option, value(list, i++));
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return o;
    }

    private static List<Fault> faults(String names) {
        List<Fault> chosen = new ArrayList<>();
        for (String name : names.toLowerCase(Locale.ROOT).split(",")) {
            chosen.add(Fault.all().stream().filter(f -> f.name().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name + "'\n" + USAGE)));
        }
        return chosen;
    }

    private static String value(List<String> list, int at) {
        if (at + 1 >= list.size()) {
            throw new IllegalArgumentException(list.get(at) + " needs a value\n" + USAGE);
        }
        return list.get(at + 1);
    }
}
