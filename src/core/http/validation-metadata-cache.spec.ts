import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, MetadataStorage, validate, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import '../../app.module';
import { cacheValidationMetadata } from './validation-metadata-cache';

const storage = getMetadataStorage();
// The look-up as class-validator does it, bypassing what the cache puts on the storage itself.
const lookedUpAfresh = (...args: Parameters<MetadataStorage['getTargetValidationMetadatas']>) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.apply(storage, args);

const OPTIONS: ReadonlyArray<[boolean, boolean, string[] | undefined]> = [
  [false, false, undefined],
  [true, false, undefined],
  [false, true, []],
  [false, false, ['draft']],
];

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers for every request class of the app what class-validator answers, and keeps the answer', () => {
    // The classes class-validator holds rules for: every DTO the app's modules define.
    const classes = [...(storage as unknown as { validationMetadatas: Map<Function, unknown> }).validationMetadatas.keys()];
    expect(classes.length).toBeGreaterThan(20);
    for (const target of classes) {
      for (const [always, strictGroups, groups] of OPTIONS) {
        const answer = storage.getTargetValidationMetadatas(target, '', always, strictGroups, groups);
        expect(answer).toEqual(lookedUpAfresh(target, '', always, strictGroups, groups));
        expect(storage.getTargetValidationMetadatas(target, '', always, strictGroups, groups)).toBe(answer);
        expect(storage.groupByPropertyName(answer)).toEqual(MetadataStorage.prototype.groupByPropertyName.call(storage, answer));
      }
    }
  });

  it('sees a rule added after a look-up, on the class and on the classes that inherit it', async () => {
    class Base {
      @IsString()
      name!: unknown;
      code!: unknown;
    }
    class Derived extends Base {}
    class Holder {
      @ValidateNested()
      @Type(() => Derived)
      derived!: Derived;
    }
    const holding = (code: unknown) => Object.assign(new Holder(), { derived: Object.assign(new Derived(), { name: 'Sở Tư pháp', code }) });
    expect(await validate(holding('x'))).toEqual([]);

    IsInt()(Base.prototype, 'code');

    const [error] = await validate(holding('x'));
    expect(error.children?.[0]).toMatchObject({ property: 'code', constraints: { isInt: expect.any(String) } });
    expect(await validate(holding(7))).toEqual([]);
  });

  it('wraps the storage once however often it is asked to', () => {
    const lookUp = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(lookUp);
  });
});
