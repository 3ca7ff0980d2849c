package be.twe.training.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** An attendee must be a coach, also when the coach is deleted while the session is recorded. */
@ApplicationScoped
public class TrainingConstraints implements ConstraintProblems {
    @Override
    public Map<String, Supplier<DomainProblem>> byConstraintName() {
        return Map.of("training_attendance_coach_id_fkey", () -> new DomainProblem(ProblemType.UNKNOWN_COACH,
                Text.of("unknown-coach.attendee")));
    }
}
