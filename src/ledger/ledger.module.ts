import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerWriter } from '../core/ledger-writer';
import { LedgerController } from './ledger.controller';
import { LedgerProofs } from './ledger-proofs.service';

/** The ledger as a whole: health, statistics, verification, digests and proofs. */
@Module({ imports: [CqrsModule], controllers: [LedgerController], providers: [LedgerProofs, LedgerWriter] })
export class LedgerModule {}
