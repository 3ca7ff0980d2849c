/**
 * A sync round with the TypeScript client generated from the contract (typescript-fetch), and no
 * hand-written HTTP: the same round as ../python/sync_round.py, printed as the same JSON for
 * GeneratedClientsTest. Compiled with `tsc --strict` by the build (tsconfig.json) and run by Node.
 */
import {
  Configuration, StatisticsApi, StatisticsFigure, SyncApi, TrajectoriesApi,
} from '../../../target/generated-clients/typescript/index';

/** Every entry after `after`, a page of two at a time; the position reached. */
async function feed(sync: SyncApi, after: number): Promise<[string[], number]> {
  const paths: string[] = [];
  for (;;) {
    const page = await sync.listChanges({ after, limit: 2 });
    paths.push(...page.items.map((change) => change.path));
    if (page.position === after) {
      return [paths, after];
    }
    after = page.position;
  }
}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) {
      throw new Error(`${name} is not set`);
    }
    return value;
  };
  const configuration = new Configuration({ basePath: env('TWE_BASE_URL'), accessToken: env('TWE_TOKEN') });
  const trajectories = new TrajectoriesApi(configuration);
  const sync = new SyncApi(configuration);
  const ocmw = env('TWE_OCMW');
  const coachId = env('TWE_COACH');

  const created = [];
  for (const clientInsz of env('TWE_INSZ').split(',')) {
    created.push(await trajectories.createTrajectory({
      trajectoryInput: { ocmwId: ocmw, clientInsz, startDate: new Date('2024-01-01'), coachId },
    }));
  }

  const listed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await trajectories.listTrajectories({ ocmwId: ocmw, limit: 1, cursor });
    listed.push(...page.items.map((trajectory) => trajectory.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);

  const [fed, position] = await feed(sync, 0);

  const first = created[0];
  const changed = await trajectories.patchTrajectory({
    trajectoryId: first.id, ifMatch: `"${first.version}"`, requestBody: { externalReference: 'round-1' },
  });
  const cleared = await trajectories.patchTrajectory({
    trajectoryId: first.id, ifMatch: `"${changed.version}"`, requestBody: { externalReference: null },
  });
  const [fedAfterPatch] = await feed(sync, position);

  const csv = await new StatisticsApi(configuration).getStatisticsCsv({
    figure: StatisticsFigure.Starts, groupBy: ['year'],
  });

  console.log(JSON.stringify({
    created: created.map((trajectory) => trajectory.id),
    listed,
    fed,
    patched: { externalReference: changed.externalReference, version: changed.version, coachId: changed.coachId },
    cleared: { externalReference: cleared.externalReference ?? null, version: cleared.version },
    fedAfterPatch,
    csv: await csv.text(),
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
