package be.twe.transfer.service;

import java.util.List;

import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.transfer.persistence.FollowUpActionEntity;
import be.twe.transfer.persistence.TransferEntity;
import be.twe.transfer.persistence.TransferStepEntity;

/** A transfer as the API shows it: with its trajectory's end, its steps and VDAB's follow-up. */
public record TransferView(TransferEntity transfer, TrajectoryRoot trajectory, List<TransferStepEntity> steps,
                           List<FollowUpActionEntity> followUpActions) {
}
