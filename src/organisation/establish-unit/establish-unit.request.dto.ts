import { IntersectionType } from '@nestjs/swagger';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';
import { NewUnitDto } from '../dto/unit-attributes.dto';

/** A unit established by a decision (thành lập), with its place in the tree. */
export class EstablishUnitRequest extends IntersectionType(NewUnitDto, ReorganisationFactsDto) {}
