import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, rolesOf, SignInService } from '@samverka/identity';
import type { FastifyRequest } from 'fastify';
import { anyone, signedIn } from '../access-rules';
import { Allow } from '../allow.decorator';
import { MeDto, TokenRequestDto, TokenResponseDto } from './dto/auth.dto';
import { actorOf, CurrentPrincipal } from '../request-principal';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(private readonly signIn: SignInService) {}

  @Post('auth/token')
  @ApiAnswer(200, TokenResponseDto)
  @ApiErrors(401, 403, 429)
  @HttpCode(200)
  @Allow(anyone())
  @ApiOperation({ summary: 'Exchange e-mail and password for an access token (Bearer); rate-limited per account and address' })
  async token(@Body() dto: TokenRequestDto, @Req() request: FastifyRequest): Promise<TokenResponseDto> {
    const { token, expiresInSeconds } = await this.signIn.signInWithPassword({ ...dto, kind: 'api', ip: request.ip, userAgent: request.headers['user-agent'] });
    return { accessToken: token, tokenType: 'Bearer', expiresIn: expiresInSeconds };
  }

  @Delete('auth/token')
  @ApiAnswer(204)
  @HttpCode(204)
  @Allow(signedIn())
  @ApiOperation({ summary: 'Sign out: revoke the access token used for this call' })
  async revoke(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<void> {
    await this.signIn.signOut(principal.sessionId, actorOf(principal, request.ip), principal.userId, request.ip);
  }

  @Get('me')
  @ApiAnswer(200, MeDto)
  @Allow(signedIn())
  @ApiOperation({ summary: 'Who am I, and what may I reach' })
  me(@CurrentPrincipal() p: Principal): MeDto {
    return {
      userId: p.userId,
      personId: p.personId,
      name: p.name,
      email: p.email,
      roles: rolesOf(p),
      coordinatorOf: p.coordinator,
      managementOf: p.management,
      secretaryOf: p.committeeSecretary,
    };
  }
}
