import { MigrationInterface } from 'typeorm';
import { Organisation1795342488891 } from './1795342488891-Organisation';
import { Identity1795345059478 } from './1795345059478-Identity';
import { AuditActorAddress1795347360926 } from './1795347360926-AuditActorAddress';
import { Notifications1795347855787 } from './1795347855787-Notifications';
import { NotificationPreferences1795348001651 } from './1795348001651-NotificationPreferences';
import { PlanRounds1795352155292 } from './1795352155292-PlanRounds';
import { Needs1795355311122 } from './1795355311122-Needs';
import { ReferenceData1795355400000 } from './1795355400000-ReferenceData';
import { RoundReminders1796005849613 } from './1796005849613-RoundReminders';
import { PasswordSetupTokens1796006292466 } from './1796006292466-PasswordSetupTokens';
import { Plan1796017405201 } from './1796017405201-Plan';
import { Consultation1796021435315 } from './1796021435315-Consultation';
import { FollowUp1796029168895 } from './1796029168895-FollowUp';
import { ConsultationSendings1796029798951 } from './1796029798951-ConsultationSendings';
import { Digests1796029900253 } from './1796029900253-Digests';
import { PrincipalChangeNotifications1796031000000 } from './1796031000000-PrincipalChangeNotifications';
import { CountryScaleIndexes1796043496905 } from './1796043496905-CountryScaleIndexes';

/** Every migration, oldest first. `npm run cli -- db:generate-migration <Name>` appends here. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Organisation1795342488891,
  Identity1795345059478,
  AuditActorAddress1795347360926,
  Notifications1795347855787,
  NotificationPreferences1795348001651,
  PlanRounds1795352155292,
  Needs1795355311122,
  ReferenceData1795355400000,
  RoundReminders1796005849613,
  PasswordSetupTokens1796006292466,
  Plan1796017405201,
  Consultation1796021435315,
  FollowUp1796029168895,
  ConsultationSendings1796029798951,
  Digests1796029900253,
  PrincipalChangeNotifications1796031000000,
  CountryScaleIndexes1796043496905,
];
