import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module';
import { LedgerExceptionFilter } from './core/http/ledger-exception.filter';
import { ledgerValidationPipe } from './core/http/validation';
import { seedIfEmpty } from '../seeds/seed-on-start';

/** Builds the HTTP application, ready to listen; shared by `main.ts` and the e2e tests. */
export async function createApp(options: AppOptions & { logger?: LogLevel[] | false }): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.config.bodyLimitBytes });
  // Commands are JSON only: a text/plain body would otherwise arrive as a string and be read as an empty object.
  adapter.getInstance().removeContentTypeParser(['text/plain']);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    // A store that cannot be opened is reported by the caller in a sentence, rather than aborting the process.
    abortOnError: false,
  });
  app.useGlobalPipes(ledgerValidationPipe());
  app.useGlobalFilters(new LedgerExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Reform ledger')
      .setDescription(
        'Event-sourced ledger of administrative reform: decisions announcing procedures, processing-time cuts, and their history. ' +
          'Errors carry `code`, `message`, `messageVi` and `details` naming each field and rule.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key, created with `ledger keys create`' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  if (options.config.seedOnStart) {
    const seeded = await seedIfEmpty(app);
    if (seeded) new Logger('Seeds').log(`empty store: recorded ${seeded.recorded} published facts from seeds/ (LEDGER_SEED_ON_START=false to start empty)`);
  }
  return app;
}
