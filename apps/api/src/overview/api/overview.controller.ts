import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { OverviewService, overviewScope } from '@samverka/overview';
import { departmentPeople, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { ApiAnswer } from '../../shell/api-contract';
import { CityOverviewDto } from './dto/overview.dto';

/** Stadsöversikten: strategists the whole city, coordinators and managers their own departments. */
@ApiTags('overview')
@Controller('api/v1/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiAnswer(200, CityOverviewDto)
  @Allow(strategist(), departmentPeople())
  @ApiOperation({ summary: 'The city overview: every open round with its phase and what is overdue and by whom, coordinator coverage, and the latest status digests (for coordinators and managers: their departments)' })
  async get(@CurrentPrincipal() principal: Principal): Promise<CityOverviewDto> {
    return this.overview.overview(overviewScope(principal)!);
  }
}
