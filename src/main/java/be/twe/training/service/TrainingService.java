package be.twe.training.service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.persistence.Rows;
import be.twe.common.security.MissingRoleProblem;
import be.twe.common.security.Roles;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.sync.service.Feeds;

/**
 * VDAB's record of registration training (issue 19): sessions and who attended them. A coach is
 * trained from the first session it attended; the database derives {@code coach.trained_on} from
 * the attendance (V22), so no write path can train a coach otherwise. Native SQL: these rows
 * belong to VDAB alone, which every caller check below requires.
 */
@ApplicationScoped
@Transactional
@Feeds
public class TrainingService {
    @Inject
    EntityManager em;
    @Inject
    CallerContext callers;

    public record Attendee(UUID coachId, String coachName, String organisationId) {
    }

    public record Session(UUID id, LocalDate heldOn, String title, String source, List<Attendee> attendees) {
    }

    public Session record(LocalDate heldOn, String title, List<UUID> coachIds) {
        requireTrainer();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into training_session (id, held_on, title, recorded_by) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, Date.valueOf(heldOn)).setParameter(3, title)
                .setParameter(4, callers.current().subject()).executeUpdate();
        coachIds.forEach(coach -> attend(id, coach));
        return session(id);
    }

    /** Records that the coach attended; again changes nothing. */
    public Session addAttendee(UUID sessionId, UUID coachId) {
        requireTrainer();
        session(sessionId);
        attend(sessionId, coachId);
        return session(sessionId);
    }

    public Session get(UUID sessionId) {
        requireVdab();
        return session(sessionId);
    }

    /** A coach that does not exist is the foreign key's refusal ({@link TrainingConstraints}). */
    private void attend(UUID sessionId, UUID coachId) {
        em.createNativeQuery("insert into training_attendance (session_id, coach_id) values (?1, ?2) "
                + "on conflict do nothing").setParameter(1, sessionId).setParameter(2, coachId).executeUpdate();
    }

    record SessionRow(LocalDate heldOn, String title, String source) {
    }

    private Session session(UUID id) {
        SessionRow row = rows("select held_on, title, source from training_session where id = ?1", SessionRow.class)
                .setParameter(1, id).uniqueResultOptional()
                .orElseThrow(() -> new NotFoundProblem("training session", id.toString()));
        List<Attendee> attendees = rows("""
                select c.id, c.name, c.organisation_id from training_attendance a join coach c on c.id = a.coach_id
                where a.session_id = ?1 order by c.organisation_id, c.name, c.id""", Attendee.class)
                .setParameter(1, id).getResultList();
        return new Session(id, row.heldOn(), row.title(), row.source(), attendees);
    }

    private <R> NativeQuery<R> rows(String sql, Class<R> row) {
        return Rows.as(row, em.createNativeQuery(sql));
    }

    private Caller requireVdab() {
        Caller caller = callers.current();
        if (!caller.unrestricted()) {
            throw new DomainProblem(ProblemType.VDAB_ONLY, Text.of("vdab-only.training"));
        }
        return caller;
    }

    private void requireTrainer() {
        Caller caller = requireVdab();
        if (!caller.roles().contains(Roles.TRAINER) && !caller.roles().contains(Roles.ADMIN)) {
            throw new MissingRoleProblem(Roles.TRAINER + " or " + Roles.ADMIN);
        }
    }
}
