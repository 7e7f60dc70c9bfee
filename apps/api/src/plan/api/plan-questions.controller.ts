import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { PlanQuestionService, questionReadScope } from '@samverka/plan';
import { admin, fromBody, fromQuery, ofDepartment, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { IdParam } from '../../shell/uuid-param';
import { AnswerQuestionDto, AskQuestionDto, CreatedQuestionDto, PlanQuestionDto, QuestionListQueryDto } from './dto/plan-questions.dto';

/** Frågor per insats: a department asks about an item of the plan, a strategist answers. */
@ApiTags('plan')
@Controller('api/v1/rounds/:id/plan')
export class PlanQuestionsController {
  constructor(private readonly questions: PlanQuestionService) {}

  @Post('items/:itemId/questions')
  @ApiAnswer(201, CreatedQuestionDto)
  @ApiErrors(400, 404, 409, 422)
  @Allow(ofDepartment(['management', 'coordinator'], fromBody('departmentId')))
  @ApiOperation({ summary: "Ask about an item for the department (its management or coordinators); kept with the latest frozen version and the item's code and title; the strategists are emailed" })
  async ask(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('itemId', 'Insatsen') itemId: string, @Body() dto: AskQuestionDto): Promise<CreatedQuestionDto> {
    return { id: (await this.questions.ask(actor, id, itemId, dto)).id };
  }

  @Get('questions')
  @ApiAnswer(200, [PlanQuestionDto])
  @ApiErrors(404)
  @Allow(strategist(), admin(), ofDepartment(['management', 'coordinator'], fromQuery('departmentId')))
  @ApiOperation({ summary: "The round's questions, unanswered first: strategists and admins all (or one department's), a department's management and coordinators only their department's (departmentId required)" })
  list(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: QuestionListQueryDto): Promise<PlanQuestionDto[]> {
    const scope = questionReadScope(principal);
    const departmentIds = query.departmentId ? [query.departmentId] : scope;
    return this.questions.list(id, { departmentIds, unanswered: query.unanswered === 'true' });
  }

  @Post('questions/:questionId/answer')
  @ApiAnswer(200, PlanQuestionDto)
  @ApiErrors(400, 404, 409)
  @Allow(strategist())
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer a question (once: a second answer is 409); the one who asked and the department\'s coordinators are emailed' })
  answer(@CurrentActor() actor: Actor, @IdParam('id', 'Planomgången') id: string, @IdParam('questionId', 'Frågan') questionId: string, @Body() dto: AnswerQuestionDto): Promise<PlanQuestionDto> {
    return this.questions.answer(actor, id, questionId, dto);
  }
}
