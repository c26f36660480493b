import { ApiProperty } from '@nestjs/swagger';
import { Required } from '../../core/http/validation-rules';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';
import { ExpectedRevision, UnitName } from '../dto/unit-attributes.dto';

export class RenameUnitRequest extends ReorganisationFactsDto {
  @ApiProperty({ description: 'The new name', example: 'Sở Khoa học và Công nghệ' })
  @UnitName()
  @Required()
  name: string;

  @ExpectedRevision()
  expectedRevision?: number;
}
