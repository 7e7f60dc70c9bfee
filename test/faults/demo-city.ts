import { addDays, localDateInCity } from '@samverka/kernel';
import { call, signIn } from './http';
import { sampleNeed } from '../support/given';

/** The demo city's users (loaded by an API started with SEED_DEMO_DATA=true) and their password. */
export const DEMO = {
  password: 'samverka-demo-2026',
  admin: 'sofia.berglund@malmo.example',
  strategist: 'erik.strand@malmo.example',
  /** Coordinator of Förskoleförvaltningen (FSK). */
  coordinator: 'annika.asberg@malmo.example',
} as const;

export interface DemoCity {
  adminToken: string;
  strategistToken: string;
  coordinatorToken: string;
  /** The demo round (collecting needs, every department taking part). */
  roundId: string;
  /** Förskoleförvaltningen, Annika Åsberg's department. */
  departmentId: string;
}

/** Signs the demo users in and finds the demo round and the coordinator's department. */
export async function demoCity(baseUrl: string): Promise<DemoCity> {
  const [adminToken, strategistToken, coordinatorToken] = await Promise.all([
    signIn(baseUrl, DEMO.admin, DEMO.password),
    signIn(baseUrl, DEMO.strategist, DEMO.password),
    signIn(baseUrl, DEMO.coordinator, DEMO.password),
  ]);
  const rounds = await call(baseUrl, 'GET', '/api/v1/rounds', { token: strategistToken });
  const departments = await call(baseUrl, 'GET', '/api/v1/departments', { token: adminToken });
  const round = (rounds.body as Array<{ id: string; state: string }>).find((r) => r.state === 'collectingNeeds');
  const department = (departments.body as Array<{ id: string; code: string }>).find((d) => d.code === 'FSK');
  if (!round || !department) throw new Error(`demo city not found: rounds ${JSON.stringify(rounds.body)}, departments ${departments.status}`);
  return { adminToken, strategistToken, coordinatorToken, roundId: round.id, departmentId: department.id };
}

/** The body of POST /api/v1/rounds for `year` (participants: every active department). */
export function roundBody(title: string, year: number): Record<string, unknown> {
  const today = localDateInCity(new Date());
  return { title, year, caseNumber: `STK-${year}-9000`, deadlines: { needs: addDays(today, 40), consultationReply: addDays(today, 120), decision: addDays(today, 200) } };
}

/** The body of POST /api/v1/rounds/:id/needs for the department. */
export function needBody(departmentId: string, title: string): Record<string, unknown> {
  return { ...sampleNeed(departmentId, { title }) };
}
