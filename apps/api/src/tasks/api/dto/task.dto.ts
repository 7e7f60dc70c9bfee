import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Something the signed-in user owes now, with the page where it is done. */
export class TaskDto {
  @ApiProperty({ example: 'needs.hand_in', description: 'the kind of obligation (needs.hand_in, needs.endorse, round.progress, assignment.acknowledge, department.lacks_coordinator, coverage.gaps, notifications.failed, committee.submissions, …)' })
  kind!: string;

  @ApiProperty({ example: 'Lämna in behoven för Förskoleförvaltningen till Utvecklingsplan 2027: 3 behov i utkastet', description: 'what to do, in Swedish' })
  title!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-03-31', description: 'the last day (Europe/Stockholm), or null when nothing is due on a day' })
  dueOn!: string | null;

  @ApiProperty({ description: 'dueOn is before today in Europe/Stockholm' })
  overdue!: boolean;

  @ApiProperty({ example: '/planomgangar/0b8f…/behov/4c1e…', description: 'the page where the task is done (a path of this site)' })
  href!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  roundId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  committeeId?: string;
}
