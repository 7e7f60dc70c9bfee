import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { TaskQueryService } from '@samverka/kernel';
import { signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { ApiAnswer } from '../../shell/api-contract';
import { TaskDto } from './dto/task.dto';

/** Att göra: what the signed-in user has to do now, from every context that knows an obligation. */
@ApiTags('tasks')
@Controller('api/v1/me/tasks')
@Allow(signedIn())
export class TasksController {
  constructor(private readonly tasks: TaskQueryService) {}

  @Get()
  @ApiAnswer(200, [TaskDto])
  @ApiOperation({ summary: 'My tasks, newest deadline first (those without a deadline last), each with the page where it is done' })
  list(@CurrentPrincipal() principal: Principal): Promise<TaskDto[]> {
    return this.tasks.tasksOf(principal);
  }
}
