package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.AgentDayTimeline;
import io.deskpulse.scoring.domain.AgentEvent;
import io.deskpulse.scoring.domain.AgentFact;
import io.deskpulse.scoring.domain.TicketFact;
import io.deskpulse.scoring.domain.TicketFact.Assigned;
import io.deskpulse.scoring.domain.TicketFact.Created;
import io.deskpulse.scoring.domain.TicketFact.Csat;
import io.deskpulse.scoring.domain.TicketFact.Message;
import io.deskpulse.scoring.domain.TicketFact.StatusChanged;
import io.deskpulse.scoring.domain.TicketFact.Tagged;
import io.deskpulse.scoring.domain.TicketTimeline;
import io.deskpulse.scoring.domain.TimelineEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a timeline in {@code ticket_timelines.events} and {@code agent_timelines.events}: a
 * version byte, the event count,
 * then per event its identity, time, kind and the kind's fields. Binary rather than JSON because every
 * batch reads and rewrites the timelines it touches; a new field means a new version byte, and old
 * versions stay readable. The ordinals of the facts' Kind, Author and Status enums are part of the
 * format: new constants go at the end.
 */
public final class TimelineCodec {

    private static final byte VERSION = 1;
    /** Ticket timelines since issue 16: a message carries its sentiment. Version 1 is still read (no sentiment). */
    private static final byte TICKET_VERSION = 2;

    private TimelineCodec() {
    }

    public static byte[] encode(TicketTimeline timeline) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + timeline.size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(TICKET_VERSION);
            out.writeInt(timeline.size());
            for (TimelineEvent event : timeline.events()) {
                out.writeLong(event.identity());
                out.writeLong(event.epochMillis());
                out.writeByte(event.fact().kind().ordinal());
                writeFact(out, event.fact());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TicketTimeline decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            byte version = in.readByte();
            if (version != VERSION && version != TICKET_VERSION) {
                throw new IllegalArgumentException("unknown timeline encoding version " + version);
            }
            int count = in.readInt();
            List<TimelineEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long identity = in.readLong();
                long epochMillis = in.readLong();
                TicketFact.Kind kind = TicketFact.Kind.values()[in.readByte()];
                events.add(new TimelineEvent(identity, epochMillis, readFact(in, kind, version)));
            }
            return new TicketTimeline(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFact(DataOutputStream out, TicketFact fact) throws IOException {
        switch (fact.kind()) {
            case CREATED -> {
                Created c = (Created) fact;
                writeString(out, c.channel());
                writeString(out, c.priority());
                writeString(out, c.customerId());
                writeString(out, c.teamId());
                writeString(out, c.agentId());
            }
            case ASSIGNED -> {
                Assigned a = (Assigned) fact;
                out.writeBoolean(a.agentGiven());
                writeString(out, a.agentId());
                out.writeBoolean(a.teamGiven());
                writeString(out, a.teamId());
            }
            case TAGGED -> {
                List<String> tags = ((Tagged) fact).tags();
                out.writeShort(tags.size());
                for (String tag : tags) {
                    writeString(out, tag);
                }
            }
            case MESSAGE -> {
                Message m = (Message) fact;
                out.writeByte(m.author().ordinal());
                writeString(out, m.agentId());
                out.writeBoolean(m.isPublic());
                out.writeBoolean(m.sentimentMilli() != null);
                if (m.sentimentMilli() != null) {
                    out.writeShort(m.sentimentMilli());
                }
            }
            case STATUS_CHANGED -> {
                StatusChanged s = (StatusChanged) fact;
                out.writeByte(s.status().ordinal());
                writeString(out, s.agentId());
            }
            case CSAT -> {
                Csat c = (Csat) fact;
                out.writeByte(c.score());
                writeString(out, c.agentId());
            }
            case NPS -> {
                TicketFact.Nps n = (TicketFact.Nps) fact;
                out.writeByte(n.score());
                writeString(out, n.agentId());
            }
            case OFFERED -> {
                TicketFact.Offered o = (TicketFact.Offered) fact;
                writeString(out, o.channel());
                writeString(out, o.queueId());
                writeString(out, o.teamId());
                writeString(out, o.priority());
            }
            case ANSWERED -> {
                TicketFact.Answered a = (TicketFact.Answered) fact;
                writeString(out, a.agentId());
                out.writeLong(a.waitMillis());
            }
            case ABANDONED -> out.writeLong(((TicketFact.Abandoned) fact).waitMillis());
            case CES -> {
                TicketFact.Ces c = (TicketFact.Ces) fact;
                out.writeShort(c.scoreMilli());
                writeString(out, c.agentId());
            }
            case SENTIMENT -> {
                TicketFact.Sentiment t = (TicketFact.Sentiment) fact;
                out.writeShort(t.sentimentMilli());
                writeString(out, t.agentId());
            }
            default -> throw new IllegalStateException("unhandled kind " + fact.kind());
        }
    }

    private static TicketFact readFact(DataInputStream in, TicketFact.Kind kind, byte version) throws IOException {
        return switch (kind) {
            case CREATED -> new Created(readString(in), readString(in), readString(in), readString(in), readString(in));
            case ASSIGNED -> new Assigned(in.readBoolean(), readString(in), in.readBoolean(), readString(in));
            case TAGGED -> {
                int n = in.readShort();
                List<String> tags = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    tags.add(readString(in));
                }
                yield new Tagged(tags);
            }
            case MESSAGE -> {
                TicketFact.Author author = TicketFact.Author.values()[in.readByte()];
                String agent = readString(in);
                boolean isPublic = in.readBoolean();
                Integer sentiment = version >= TICKET_VERSION && in.readBoolean() ? Integer.valueOf(in.readShort()) : null;
                yield new Message(author, agent, isPublic, sentiment);
            }
            case STATUS_CHANGED -> new StatusChanged(TicketFact.Status.values()[in.readByte()], readString(in));
            case CSAT -> new Csat(in.readByte(), readString(in));
            case NPS -> new TicketFact.Nps(in.readByte(), readString(in));
            case OFFERED -> new TicketFact.Offered(readString(in), readString(in), readString(in), readString(in));
            case ANSWERED -> new TicketFact.Answered(readString(in), in.readLong());
            case ABANDONED -> new TicketFact.Abandoned(in.readLong());
            case CES -> new TicketFact.Ces(in.readShort(), readString(in));
            case SENTIMENT -> new TicketFact.Sentiment(in.readShort(), readString(in));
        };
    }

    public static byte[] encode(AgentDayTimeline timeline) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + timeline.size() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(timeline.size());
            for (AgentEvent event : timeline.events()) {
                out.writeLong(event.identity());
                out.writeLong(event.epochMillis());
                out.writeByte(event.fact().kind().ordinal());
                writeAgentFact(out, event.fact());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static AgentDayTimeline decodeAgentDay(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown timeline encoding version " + version);
            }
            int count = in.readInt();
            List<AgentEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long identity = in.readLong();
                long epochMillis = in.readLong();
                AgentFact.Kind kind = AgentFact.Kind.values()[in.readByte()];
                events.add(new AgentEvent(identity, epochMillis, readAgentFact(in, kind)));
            }
            return new AgentDayTimeline(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAgentFact(DataOutputStream out, AgentFact fact) throws IOException {
        switch (fact.kind()) {
            case STATUS -> {
                AgentFact.StatusChanged s = (AgentFact.StatusChanged) fact;
                out.writeByte(s.status().ordinal());
                writeString(out, s.teamId());
            }
            case INTERACTION -> {
                AgentFact.Interaction i = (AgentFact.Interaction) fact;
                writeString(out, i.channel());
                out.writeLong(i.handleMillis());
            }
            case QA_REVIEW -> {
                AgentFact.QaReview q = (AgentFact.QaReview) fact;
                out.writeLong(q.scoreMilli());
                out.writeByte(q.passed() == null ? 2 : q.passed() ? 1 : 0);
            }
            case SALE -> out.writeLong(((AgentFact.Sale) fact).amountMilli());
            case PEER_REVIEW -> out.writeByte(((AgentFact.PeerReview) fact).score());
            case NPS -> out.writeByte(((AgentFact.Nps) fact).score());
            default -> throw new IllegalStateException("unhandled kind " + fact.kind());
        }
    }

    private static AgentFact readAgentFact(DataInputStream in, AgentFact.Kind kind) throws IOException {
        return switch (kind) {
            case STATUS -> new AgentFact.StatusChanged(AgentFact.Status.values()[in.readByte()], readString(in));
            case INTERACTION -> new AgentFact.Interaction(readString(in), in.readLong());
            case QA_REVIEW -> {
                long score = in.readLong();
                byte passed = in.readByte();
                yield new AgentFact.QaReview(score, passed == 2 ? null : passed == 1);
            }
            case SALE -> new AgentFact.Sale(in.readLong());
            case PEER_REVIEW -> new AgentFact.PeerReview(in.readByte());
            case NPS -> new AgentFact.Nps(in.readByte());
        };
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
