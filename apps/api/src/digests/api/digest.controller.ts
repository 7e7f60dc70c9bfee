import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DigestService } from '@samverka/digests';
import { Principal } from '@samverka/identity';
import { signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { ApiAnswer } from '../../shell/api-contract';
import { DigestPreviewDto } from './dto/digest-preview.dto';

/** The signed-in user's own status digest (lägesrapport). */
@ApiTags('notifications')
@Controller('api/v1/me/digest')
@Allow(signedIn())
export class DigestController {
  constructor(private readonly digests: DigestService) {}

  @Get('preview')
  @ApiAnswer(200, DigestPreviewDto)
  @ApiOperation({ summary: 'My next status digest as it stands now (management users; anyone else gets an empty one)' })
  preview(@CurrentPrincipal() principal: Principal): Promise<DigestPreviewDto> {
    return this.digests.preview(principal);
  }
}
