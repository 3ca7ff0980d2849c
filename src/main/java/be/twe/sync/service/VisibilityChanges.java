package be.twe.sync.service;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import be.twe.common.jobs.Background;
import be.twe.common.tenancy.SystemWork;
import be.twe.common.tenancy.Today;
import io.quarkus.scheduler.Scheduled;

/**
 * Writes the change-feed entries that tell a cluster which records it gained or lost because a
 * mandate started or ended (V11, {@code record_visibility_changes}). Mandates change by date, not
 * by a write, so this runs on a schedule and catches up every day since the last one recorded.
 */
@ApplicationScoped
public class VisibilityChanges {
    @Inject
    SystemWork systemWork;
    @Inject
    EntityManager em;
    @Inject
    Today today;

    @Background
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void catchUp() {
        systemWork.inTransaction("visibility changes", this::catchUpNow);
    }

    private void catchUpNow() {
        LocalDate last = (LocalDate) em.createNativeQuery("select max(day) as day from visibility_day")
                .unwrap(NativeQuery.class).addScalar("day", LocalDate.class).getSingleResult();
        LocalDate from = last == null ? today.date() : last.plusDays(1);
        for (LocalDate day = from; !day.isAfter(today.date()); day = day.plusDays(1)) {
            record(day);
        }
    }

    /** The entries of one day, once: a day already recorded writes nothing and returns 0. */
    public int record(LocalDate day) {
        return systemWork.inTransaction("visibility changes", () -> ((Number) em.createNativeQuery(
                "select record_visibility_changes(?1)").setParameter(1, day).getSingleResult()).intValue());
    }
}
