package io.deskpulse.benchmark;

import io.deskpulse.benchmark.Tables.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The results as tables (title, header, rows), rendered as Markdown for the docs or as text for the terminal. */
final class ReportTables {

    private ReportTables() {
    }

    static String machineLine(Results r) {
        Results.Machine m = r.machine;
        return String.format(Locale.ROOT, "%s cores (%s), %,d MB RAM, %s, %s, PostgreSQL %s, %s; %s. Profile %s, seed %d, %s.",
                m.cores, m.cpuModel, m.memoryMb, m.os, m.jdk, m.postgresql, m.kafka, m.stack, r.profile, r.seed,
                r.durationS == null ? "" : String.format(Locale.ROOT, "%.0f min", r.durationS / 60));
    }

    static List<Table> tables(Results r) {
        List<Table> tables = new ArrayList<>();
        List<List<String>> targets = new ArrayList<>();
        for (Results.Target t : r.targets) {
            targets.add(List.of(t.name, t.target, t.measured, t.status.equals(Targets.MET) ? "met"
                    : t.status.equals(Targets.MISSED) ? "**MISSED**" : "not measured"));
        }
        tables.add(new Table("Targets", List.of("target", "goal", "measured", "status"), targets));

        List<List<String>> figures = new ArrayList<>();
        Results.Ingestion in = r.ingestion;
        if (in != null) {
            if (in.rawProducer != null && in.rawProducer.skipped == null) {
                for (Results.RawRun run : in.rawProducer.runs) {
                    figures.add(List.of("raw Kafka producer, " + run.label, rate(run.recordsPerS, "records/s")
                            + fmt(" (%.1f MB/s)", run.mbPerS), "ProducerPerformance, " + in.rawProducer.recordsPerRun
                            + " records of ~" + Math.round(in.rawProducer.avgRecordBytes) + " B, " + in.rawProducer.partitions
                            + " partitions, " + run.settings));
                }
            } else if (in.rawProducer != null) {
                figures.add(List.of("raw Kafka producer", "skipped", in.rawProducer.skipped));
            }
            if (in.batches != null && in.batches.eventsPerS != null) {
                StringBuilder sweep = new StringBuilder();
                for (Results.Level level : in.batches.sweep) {
                    sweep.append(sweep.length() == 0 ? "" : ", ").append(level.clients).append(": ")
                            .append(fmt("%,.0f", level.eventsPerS));
                }
                figures.add(List.of("HTTP ingestion, batches of " + in.batches.batchSize, rate(in.batches.eventsPerS, "events/s"),
                        fmt("%,d events, %d concurrent clients (sweep clients: events/s = %s), request p50 %.0f ms / p99 %.0f ms%s",
                                in.batches.eventsAccepted, in.batches.clients, sweep, in.batches.latencyP50Ms,
                                in.batches.latencyP99Ms, Boolean.TRUE.equals(in.batches.scoringPaused)
                                        ? "; scoring paused while timed (it drains them next)"
                                        : "; scoring applied them as they came")));
            }
            if (in.ratioBatchesToRaw != null) {
                figures.add(List.of("**HTTP batches / raw producer**", "**" + Targets.pct(in.ratioBatchesToRaw) + "**",
                        "against " + in.ratioComparedAgainst + fmt("; %s against producer defaults, %s against linger.ms=10",
                                in.ratioBatchesToRawDefaults == null ? "-" : Targets.pct(in.ratioBatchesToRawDefaults),
                                in.ratioBatchesToRawLinger10 == null ? "-" : Targets.pct(in.ratioBatchesToRawLinger10))));
            }
            if (in.singles != null) {
                figures.add(List.of("HTTP ingestion, single events", rate(in.singles.eventsPerS, "events/s"),
                        fmt("one event per request, %d concurrent clients, %.0f s; request p50 %.1f ms / p99 %.1f ms",
                                in.singles.clients, in.singles.seconds, in.singles.latencyP50Ms, in.singles.latencyP99Ms)));
            }
            if (in.webhooks != null) {
                figures.add(List.of("HTTP ingestion, Chatwoot webhooks", rate(in.webhooks.deliveriesPerS, "deliveries/s"),
                        fmt("signed message_created, one per request (one event each, plus its raw copy), %d concurrent "
                                + "clients, %.0f s; request p50 %.1f ms / p99 %.1f ms%s", in.webhooks.clients,
                                in.webhooks.seconds, in.webhooks.latencyP50Ms, in.webhooks.latencyP99Ms,
                                in.webhooks.ratioToSingles == null ? ""
                                        : "; " + Targets.pct(in.webhooks.ratioToSingles) + " of single events/s")));
            }
            sweep(figures, in.singleSweep, "HTTP ingestion, single events, %d clients", "events/s",
                    "POST /v1/events, one event per request");
            sweep(figures, in.webhookSweep, "HTTP ingestion, Chatwoot webhooks, %d clients", "deliveries/s",
                    "POST /v1/hooks/{connector_id}, signed message_created (one event and its raw copy) per request");
            if (in.ndjson != null) {
                figures.add(List.of("HTTP ingestion, NDJSON backfill", rate(in.ndjson.eventsPerS, "events/s"),
                        fmt("one request of %,d events (%,d MB), until its 202", in.ndjson.events, in.ndjson.bytes / 1_000_000)));
            }
        }
        Results.Pipeline whole = r.pipeline;
        if (whole != null) {
            figures.add(List.of("**whole pipeline, sustained**", "**" + rate(whole.eventsPerS, "events/s") + "**",
                    fmt("%,d events posted in batches by %d clients while scoring ran, from the first request to all "
                            + "applied (%.0f s); ingestion took them at %,.0f events/s%s", whole.events, whole.clients, whole.seconds,
                            whole.ingestEventsPerS, whole.ratioIngestToRaw == null ? ""
                                    : fmt(" (%.2f of the raw producer)", whole.ratioIngestToRaw))));
        }
        if (r.scoring != null) {
            figures.add(List.of("**scoring, sustained**", r.scoring.eventsPerS == null ? "-" : "**" + rate(r.scoring.eventsPerS,
                    "events/s") + "**", r.scoring.eventsPerS == null ? r.scoring.note
                    : fmt("applied to PostgreSQL over %.0f s with a backlog (%s records behind when the load ended); %,.0f "
                            + "records/s with resent duplicates; %.0f ms per batch on average", r.scoring.windowS,
                            r.scoring.backlogAtLoadEnd == null ? "?" : fmt("%,d", r.scoring.backlogAtLoadEnd),
                            r.scoring.recordsPerS, r.scoring.batchApplyMeanMs == null ? 0.0 : r.scoring.batchApplyMeanMs)
                    + (r.scoring.note == null ? "" : "; " + r.scoring.note)));
        }
        Results.Freshness f = r.freshness;
        if (f != null && f.p50Ms != null) {
            figures.add(List.of("**freshness p50 / p95 / p99 / max**", fmt("**%,.0f / %,.0f / %,.0f / %,.0f ms**", f.p50Ms, f.p95Ms,
                    f.p99Ms, f.maxMs), fmt("%d probes (%d unseen) under %,.0f events/s achieved (%,d offered) for %.0f s; max lag %,d",
                    f.probes, f.probesUnseen, f.achievedRate, f.targetRate, f.seconds, f.maxLag)));
        }
        if (r.reporting != null) {
            for (Results.Query q : r.reporting.queries) {
                if (q.api == null) {
                    figures.add(List.of(q.description, "**FAILED**", q.request + ": " + q.failure));
                    continue;
                }
                figures.add(List.of(q.description, fmt("p50 %.1f ms, p99 %.1f ms", q.api.p50Ms, q.api.p99Ms)
                        + (q.api.errors == null ? "" : fmt(" (**%d requests failed**)", q.api.errors)),
                        fmt("%s; %d rows in %d page(s); %d clients, %d iterations", q.request, q.rows, q.pages,
                                r.reporting.clients, q.api.samples)
                                + (q.api.errors == null ? "" : "; first failure: " + q.api.firstError)));
                if (q.baseline != null) {
                    figures.add(List.of("  same with GROUP BY over ticket_facts", fmt("p50 %.1f ms, p99 %.1f ms", q.baseline.p50Ms,
                                    q.baseline.p99Ms),
                            fmt("**x%.1f** faster at p50 (x%.1f at p99); answers %s", q.speedupP50, q.speedupP99,
                                    q.answers == null ? "not compared" : q.answers.match
                                            ? fmt("match (%d rows)", q.answers.rowsCompared)
                                            : fmt("**DIFFER on %d of %d rows**", q.answers.mismatches, q.answers.rowsCompared))));
                }
                if (q.apiPeer != null) {
                    figures.add(List.of("  the same request for the SQL's five columns", fmt("p50 %.1f ms, p99 %.1f ms",
                                    q.apiPeer.p50Ms, q.apiPeer.p99Ms),
                            q.request + "&metrics=" + BiQueries.API_METRICS + "; what DuckDB is compared with"));
                }
                if (q.duckdb != null) {
                    figures.add(List.of("  same SQL in DuckDB over the same facts", fmt("p50 %.1f ms, p99 %.1f ms",
                                    q.duckdb.p50Ms, q.duckdb.p99Ms),
                            fmt("DeskPulse **x%.2f** at p99 (x%.2f at p50; above 1: DeskPulse faster; the API asked for"
                                            + " the same five columns); %,d rows loaded once"
                                            + " in %.1f s; answers %s", q.vsDuckdbP99, q.vsDuckdbP50,
                                    r.reporting.duckdbRows, r.reporting.duckdbLoadSeconds,
                                    q.duckdbAnswers == null ? "not compared" : q.duckdbAnswers.match
                                            ? fmt("match (%d rows)", q.duckdbAnswers.rowsCompared)
                                            : fmt("**DIFFER on %d of %d rows**", q.duckdbAnswers.mismatches,
                                                    q.duckdbAnswers.rowsCompared))));
                }
            }
        }
        if (r.memory != null) {
            for (Results.Proc p : r.memory.services) {
                figures.add(List.of(p.name + " RSS", p.peakRssMb == null ? "-" : fmt("peak %.0f MB (now %.0f MB)", p.peakRssMb,
                        p.rssMb), p.note == null ? "VmHWM of /proc/" + p.pid + "/status at the end of the run" : p.note));
            }
            if (r.memory.broker != null && r.memory.broker.rssMb != null) {
                figures.add(List.of("Kafka broker RSS (context)", fmt("%.0f MB (peak %.0f MB)", r.memory.broker.rssMb,
                        r.memory.broker.peakRssMb), "VmRSS, -Xmx512m as run.sh starts it"));
            }
            if (r.memory.postgresql != null && r.memory.postgresql.rssMb != null) {
                figures.add(List.of("PostgreSQL memory (context)", r.memory.postgresql.pssMb != null
                        ? fmt("%.0f MB PSS", r.memory.postgresql.pssMb) : fmt("%.0f MB RSS sum", r.memory.postgresql.rssMb),
                        fmt("%d processes; PSS counts shared buffers once", r.memory.postgresql.processes)));
            }
        }
        tables.add(new Table("Figures", List.of("figure", "value", "how"), figures));

        if (r.scale != null && !r.scale.steps.isEmpty()) {
            List<List<String>> steps = new ArrayList<>();
            Results.Step first = null;
            for (Results.Step s : r.scale.steps) {
                if (s.skipped != null) {
                    steps.add(List.of(fmt("%,d", s.target), "skipped: " + s.skipped, "", "", "", "", "", "", "", ""));
                    continue;
                }
                if (s.queryP50Ms == null) {
                    steps.add(List.of(fmt("%,d", s.target), s.storedEvents == null ? "-" : fmt("%,d", s.storedEvents),
                            s.stepEvents == null ? "-" : fmt("%,d", s.stepEvents), rate(s.scoringEventsPerS, ""),
                            s.drainEventsPerS == null ? "-" : rate(s.drainEventsPerS, ""),
                            "**FAILED**: " + (s.failure == null ? "?" : s.failure), "", "", "", ""));
                    continue;
                }
                if (first == null) {
                    first = s;
                }
                steps.add(List.of(fmt("%,d", s.target), fmt("%,d", s.storedEvents), fmt("%,d", s.stepEvents),
                        rate(s.scoringEventsPerS, ""), s.drainEventsPerS == null ? "-" : rate(s.drainEventsPerS, ""),
                        fmt("%.1f / %.1f", s.queryP50Ms, s.queryP99Ms),
                        s.baselineP50Ms == null ? "-" : fmt("%,.0f", s.baselineP50Ms),
                        s.speedupP50 == null ? "-" : fmt("x%.1f", s.speedupP50),
                        s.duckdbP99Ms == null ? "-" : fmt("%.1f (x%.2f)", s.duckdbP99Ms, ratio(s.vsDuckdbP99)),
                        first == s ? "1.0 / 1.0" : fmt("%.2f / %.2f", s.queryP50Ms / first.queryP50Ms,
                                s.baselineP50Ms == null || first.baselineP50Ms == null ? Double.NaN
                                        : s.baselineP50Ms / first.baselineP50Ms)));
            }
            tables.add(new Table("Scale (" + r.scale.loadMethod + ")", List.of("step (stored)", "stored events", "events scored",
                    "scoring events/s", "drain events/s", "query (a) p50 / p99 ms", "GROUP BY p50 ms", "speedup",
                    "DuckDB p99 ms (its p99 / DeskPulse's, five columns)", "growth of (a) / GROUP BY p50"), steps));
            List<List<String>> peers = new ArrayList<>();
            for (Results.Step s : r.scale.steps) {
                if (s.skipped != null || s.queryP99Ms == null) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(fmt("%,d", s.storedEvents), s.duckdbP99Ms == null ? "-"
                        : fmt("%.1f / %.1f (x%.2f)", s.peerApiP99Ms, s.duckdbP99Ms, ratio(s.vsDuckdbP99))));
                for (Results.StepQuery q : s.otherQueries) {
                    row.add(q.duckdbP99Ms == null ? "-" : fmt("%.1f / %.1f (x%.2f)", q.peerApiP99Ms, q.duckdbP99Ms,
                            ratio(q.vsDuckdbP99)));
                }
                while (row.size() < 4) {
                    row.add("-");
                }
                peers.add(row);
            }
            if (!peers.isEmpty()) {
                tables.add(new Table("DeskPulse against DuckDB at each scale step (p99 ms: API / DuckDB, both for the "
                        + "SQL's five columns, and how many times faster DeskPulse is)", List.of("stored events", "(a) team by day, 90 days",
                        "(b) a team's agents by day, a month", "(c) tenant total, 90 days"), peers));
            }
        }

        if (!r.cpu.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (Results.Cpu cpu : r.cpu.values()) {
                names.addAll(cpu.cores.keySet());
            }
            List<String> header = new ArrayList<>(List.of("phase", "seconds"));
            for (String name : names) {
                header.add(name.replace("-service", ""));
            }
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Results.Cpu> phase : r.cpu.entrySet()) {
                List<String> row = new ArrayList<>(List.of(phase.getKey(), fmt("%.0f", phase.getValue().seconds)));
                for (String name : names) {
                    Double cores = phase.getValue().cores.get(name);
                    row.add(cores == null ? "" : fmt("%.2f", cores));
                }
                rows.add(row);
            }
            tables.add(new Table("CPU per phase (cores: CPU seconds / wall seconds; the machine has " + r.machine.cores + ")",
                    header, rows));
        }
        return tables;
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("_Generated by `deploy/local/benchmark.sh` at ").append(r.machine.date).append(" — do not edit by hand; ")
                .append("the whole run is in [benchmark-results.json](benchmark-results.json)._\n\n");
        md.append("Machine: ").append(machineLine(r)).append("\n");
        md.append(Tables.markdown(tables(r)));
        if (!r.warnings.isEmpty()) {
            md.append("\n#### Warnings of this run\n\n");
            for (String warning : r.warnings) {
                md.append("- ").append(warning).append("\n");
            }
        }
        return md.toString();
    }

    static String text(Results r) {
        StringBuilder out = new StringBuilder();
        out.append("\nDeskPulse benchmark — ").append(machineLine(r)).append("\n");
        out.append(Tables.text(tables(r)));
        if (!r.warnings.isEmpty()) {
            out.append("\nWarnings\n");
            for (String warning : r.warnings) {
                out.append("  - ").append(warning).append("\n");
            }
        }
        return out.toString();
    }

    /** One row per level of a single-event sweep. */
    private static void sweep(List<List<String>> figures, List<Results.SweepLevel> levels, String name, String unit,
            String what) {
        if (levels == null) {
            return;
        }
        for (Results.SweepLevel level : levels) {
            figures.add(List.of(fmt(name, level.clients), rate(level.eventsPerS, unit),
                    fmt("%s, %d closed-loop clients, %.0f s; request p50 %.1f ms / p99 %.1f ms%s", what, level.clients,
                            level.seconds, level.latencyP50Ms, level.latencyP99Ms,
                            Boolean.TRUE.equals(level.ranOut) ? "; its prepared bodies ran out first" : "")
                            + (level.resent == null ? "" : fmt("; %,d requests resent after a 429 (the tenant's rate "
                                    + "limit) or a 503", level.resent))));
        }
    }

    private static double ratio(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static String rate(Double value, String unit) {
        return value == null ? "-" : fmt("%,.0f", value) + (unit.isEmpty() ? "" : " " + unit);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
