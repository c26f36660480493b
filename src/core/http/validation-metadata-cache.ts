import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const cached = new WeakSet<MetadataStorage>();

/**
 * class-validator looks a class's rules up again on every validation, and the look-up tests the class against every
 * class it holds rules for, to find the ones it inherits from (typestack/class-validator#2686): with the ledger's
 * seventy-odd request classes, about a sixth of what validating a decision costs. Rules are registered when a class
 * is defined, so the answers are kept, per class and options, and all of them dropped whenever a rule is added: a
 * class defined later (a module loaded late, a test) is seen as if nothing were kept.
 *
 * The kept arrays are the ones class-validator handed out the first time; its validator only reads them.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let answers = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let groupings = new WeakMap<ValidationMetadata[], Grouped>();
  const forget = () => {
    answers = new Map();
    groupings = new WeakMap();
  };

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // An absent or empty list of groups means the same to class-validator.
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.length ? groups.join('\u0001') : ''}`;
    let ofTarget = answers.get(target);
    if (!ofTarget) answers.set(target, (ofTarget = new Map()));
    let answer = ofTarget.get(options);
    if (!answer) ofTarget.set(options, (answer = lookUp(target, schema, always, strictGroups, groups)));
    return answer;
  };
  // The validator groups each answer by property right after asking for it.
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (!grouped) groupings.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = storage[method].bind(storage) as (...args: unknown[]) => void;
    storage[method] = ((...args: unknown[]) => {
      forget();
      add(...args);
    }) as never;
  }
}
