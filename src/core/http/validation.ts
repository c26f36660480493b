import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidatorOptions } from 'class-validator';
import { ErrorDetail, InvalidInputError } from '../errors/ledger-errors';
import { cacheValidationMetadata } from './validation-metadata-cache';

/** Vietnamese wording of the class-validator rules the ledger uses; the English text comes from the rule itself. */
const RULES_VI: Record<string, string> = {
  whitelistValidation: 'trường này không được phép',
  isString: 'phải là chuỗi ký tự',
  isNotEmpty: 'không được để trống',
  isBoolean: 'phải là true hoặc false',
  isNumber: 'phải là số',
  isInt: 'phải là số nguyên',
  min: 'nhỏ hơn giá trị cho phép',
  max: 'lớn hơn giá trị cho phép',
  maxLength: 'dài quá mức cho phép',
  isIn: 'không thuộc các giá trị cho phép',
  isIsoDate: 'phải là ngày hợp lệ dạng YYYY-MM-DD',
  isArray: 'phải là danh sách',
  arrayMinSize: 'danh sách quá ít phần tử',
  arrayMaxSize: 'danh sách quá nhiều phần tử',
  isHalfDays: 'phải là bội số của nửa ngày (0,5)',
  nestedValidation: 'phải là một đối tượng',
  isObject: 'phải là một đối tượng',
  isDefined: 'là bắt buộc',
  matches: 'không đúng định dạng',
};

/** `items` + `3` + `code` → `items[3].code`: the path an officer can find in the decision they sent. */
function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = join(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      // class-validator names the bare property; the full path tells which item of a long decision is wrong.
      message: message.startsWith(`${error.property} `) ? `${field}${message.slice(error.property.length)}` : `${field}: ${message}`,
      messageVi: `${field}: ${RULES_VI[rule] ?? message}`,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function nestedPropertiesOf(constructor: object): ReadonlyArray<{ propertyName: string; each: boolean }> {
  return getMetadataStorage()
    .getTargetValidationMetadatas(constructor as new () => object, '', true, false)
    .filter((metadata) => metadata.type === 'nestedValidation');
}

const isObjectNotArray = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * class-validator's @ValidateNested takes an array where it expects an object and validates the array's elements
 * instead: `"decision": [{…}]` or `"items": [[{…}]]` would pass, and reach a handler reading `decision.number` or
 * `item.procedure.name` of an array (a 500). Every nested value must be an object; with `each`, every element.
 * Missing values are left to @Required / @IsOptional, and a non-array where `each` wants one to @IsArray.
 */
export function nestedShapeErrors(instance: object): ValidationError[] {
  const nested = nestedPropertiesOf(instance.constructor);
  const errors: ValidationError[] = [];
  const notAnObject = (property: string): ValidationError => ({ property, children: [], constraints: { isObject: `${property} must be an object` } });
  for (const { propertyName, each } of nested) {
    const value = (instance as Record<string, unknown>)[propertyName];
    if (value === undefined || value === null) continue;
    if (each && Array.isArray(value)) {
      const children = value.flatMap((element, i) =>
        isObjectNotArray(element) ? withParent(String(i), nestedShapeErrors(element)) : [notAnObject(String(i))],
      );
      if (children.length) errors.push({ property: propertyName, children });
    } else if (!each) {
      if (!isObjectNotArray(value)) errors.push(notAnObject(propertyName));
      else errors.push(...withParent(propertyName, nestedShapeErrors(value)));
    }
  }
  return errors;
}

const withParent = (property: string, children: ValidationError[]): ValidationError[] => (children.length ? [{ property, children }] : []);

/**
 * Strict input: unknown fields are refused, types are converted only where a DTO says so, one error per field,
 * and a body that is not a JSON object (an array, a string, null) is refused before any field is looked at.
 */
class LedgerValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new InvalidInputError(flattenValidationErrors(errors)),
    });
    cacheValidationMetadata();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new InvalidInputError([
        { field: 'body', rule: 'isObject', message: 'the request body must be a JSON object', messageVi: 'nội dung yêu cầu phải là một đối tượng JSON' },
      ]);
    }
    return super.transform(value, metadata);
  }

  /**
   * Nest looks for binary values (Buffers, typed arrays) where nested objects are expected, which only a multipart or
   * socket message can carry. Every input here is JSON or text, so there are none to find, and the look (a walk of
   * the rules of every nested class, on every request) is skipped.
   */
  protected override findNestedBinaryValues(): ValidationError[] {
    return [];
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return errors.length ? errors : nestedShapeErrors(object);
  }
}

export const ledgerValidationPipe = (): ValidationPipe => new LedgerValidationPipe();

/** Validates a body as the HTTP layer would, for commands that arrive another way (seeds, generators): 400 rules alike. */
export async function validatedBody<T extends object>(metatype: new () => T, value: unknown): Promise<T> {
  return (await ledgerValidationPipe().transform(value, { type: 'body', metatype })) as T;
}
