"""A sync round with the Python client generated from the contract, and no hand-written HTTP.

Creates two trajectories, pages through the OCMW's trajectories by `nextCursor` and through the
change feed by `position`, changes one field with a merge patch and clears it with `null`, and
reads a figure as CSV. Prints what it saw as JSON, for GeneratedClientsTest to hold against the API.

    PYTHONPATH=target/generated-clients/python TWE_BASE_URL=http://localhost:8080/api/v1 \
    TWE_TOKEN=... TWE_OCMW=ocmw-44021 TWE_COACH=<uuid> TWE_INSZ=<insz>,<insz> \
    python3 examples/generated-clients/python/sync_round.py
"""
import datetime
import json
import os

import twe_client
from twe_client.models.statistics_figure import StatisticsFigure
from twe_client.models.trajectory_input import TrajectoryInput


def feed(sync, after):
    """Every entry after `after`, a page of two at a time; the position reached."""
    paths = []
    while True:
        page = sync.list_changes(after=after, limit=2)
        paths += [change.path for change in page.items]
        if page.position == after:
            return paths, after
        after = page.position


def main():
    configuration = twe_client.Configuration(host=os.environ["TWE_BASE_URL"],
                                             access_token=os.environ["TWE_TOKEN"])
    with twe_client.ApiClient(configuration) as client:
        trajectories = twe_client.TrajectoriesApi(client)
        sync = twe_client.SyncApi(client)
        ocmw, coach = os.environ["TWE_OCMW"], os.environ["TWE_COACH"]

        created = [trajectories.create_trajectory(TrajectoryInput(
            ocmw_id=ocmw, client_insz=insz, start_date=datetime.date(2024, 1, 1), coach_id=coach))
            for insz in os.environ["TWE_INSZ"].split(",")]

        listed, cursor = [], None
        while True:
            page = trajectories.list_trajectories(ocmw_id=ocmw, limit=1, cursor=cursor)
            listed += [str(trajectory.id) for trajectory in page.items]
            cursor = page.next_cursor
            if cursor is None:
                break

        fed, position = feed(sync, 0)

        first = created[0]
        changed = trajectories.patch_trajectory(first.id, '"%d"' % first.version,
                                                {"externalReference": "round-1"})
        cleared = trajectories.patch_trajectory(first.id, '"%d"' % changed.version,
                                                {"externalReference": None})
        fed_after_patch, _ = feed(sync, position)

        csv = twe_client.StatisticsApi(client).get_statistics_csv(
            StatisticsFigure.STARTS, group_by=["year"])

        print(json.dumps({
            "created": [str(trajectory.id) for trajectory in created],
            "listed": listed,
            "fed": fed,
            "patched": {"externalReference": changed.external_reference, "version": changed.version,
                        "coachId": str(changed.coach_id)},
            "cleared": {"externalReference": cleared.external_reference, "version": cleared.version},
            "fedAfterPatch": fed_after_patch,
            "csv": bytes(csv).decode("utf-8"),
        }))


if __name__ == "__main__":
    main()
