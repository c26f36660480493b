import { ApiProperty } from '@nestjs/swagger';
import { Required } from '../../core/http/validation-rules';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';
import { ExpectedRevision, IsUnitId } from '../dto/unit-attributes.dto';

export class DissolveUnitRequest extends ReorganisationFactsDto {
  @ApiProperty({ example: 'ban-quan-ly-du-an' })
  @IsUnitId()
  @Required()
  unitId: string;

  @ExpectedRevision()
  expectedRevision?: number;
}
