// The quick picks and input boxes commands ask with; what they list comes from the pure builders in core/choices.

import * as vscode from 'vscode';
import type { Choice } from '../../core/choices';
import type { Annotations } from '../../core/model';
import type { NewActor } from '../../core/operations';
import { actorTypeIcon, actorTypes } from '../config';

type Item<T> = vscode.QuickPickItem & { value?: T };

function toItem<T>(choice: Choice<T>): Item<T> {
  if (choice.separator) {
    return { label: choice.label, kind: vscode.QuickPickItemKind.Separator };
  }
  return {
    label: choice.label,
    description: choice.description || undefined,
    detail: choice.detail,
    iconPath: choice.actorType !== undefined ? actorTypeIcon(choice.actorType) : choice.icon ? new vscode.ThemeIcon(choice.icon) : undefined,
    alwaysShow: choice.icon === 'add' || undefined,
    value: choice.value,
  };
}

export interface PickOptions<T> {
  title: string;
  placeholder?: string;
  /** The row Enter takes before the user moves. */
  active?: number;
  /** Rows for what the user typed, e.g. a new actor of that name. */
  forTyped?: (typed: string) => Choice<T>[];
  matchOnDetail?: boolean;
}

/** Shows a picker; resolves to the value picked, or undefined when it is dismissed. */
export function pick<T>(choices: Choice<T>[], options: PickOptions<T>): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<Item<T>>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = options.matchOnDetail ?? false;
  quickPick.items = choices.map(toItem);
  const active = quickPick.items[options.active ?? -1];
  if (active) {
    quickPick.activeItems = [active];
  }
  return new Promise<T | undefined>((resolve) => {
    let picked: T | undefined;
    quickPick.onDidChangeValue((typed) => {
      if (options.forTyped) {
        quickPick.items = options.forTyped(typed).map(toItem);
      }
    });
    quickPick.onDidAccept(() => {
      picked = quickPick.activeItems[0]?.value;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(picked);
    });
    quickPick.show();
  });
}

/**
 * Asks before a change the user may not expect, saying what will change; Escape or "Cancel"
 * changes nothing. A picker rather than a modal dialog, so the keyboard stays where it was.
 */
export async function confirm(title: string, change: string, yes: string): Promise<boolean> {
  const answer = await pick<boolean>(
    [
      { label: yes, detail: change, value: true },
      { label: 'Cancel', value: false },
    ],
    { title, placeholder: change },
  );
  return answer === true;
}

/** A new actor's name (proposed) and type, asked for what is not given. */
export async function askNewActor(defaultName: string, givenType?: string, annotations?: Annotations): Promise<NewActor | undefined> {
  const types = actorTypes();
  if (givenType !== undefined && !types.some((t) => t.id === givenType)) {
    void vscode.window.showErrorMessage(`"${givenType}" is not an actor type (${types.map((t) => t.id).join(', ')}).`);
    return undefined;
  }
  const name =
    givenType !== undefined
      ? defaultName
      : await vscode.window.showInputBox({
          title: 'New actor (1/2)',
          prompt: 'Name of the person, organisation, country or place',
          value: defaultName,
          validateInput: (v) => (v.trim() ? undefined : 'The name cannot be empty.'),
        });
  if (!name?.trim()) {
    return undefined;
  }
  const type = givenType ?? (await askActorType(name.trim(), annotations));
  return type ? { name: name.trim(), type } : undefined;
}

/** Which kind of actor a new one is; the types already in this article say how many they have. */
export function askActorType(name: string, annotations?: Annotations): Promise<string | undefined> {
  return pick(
    actorTypes().map((t) => {
      const count = annotations?.actors.filter((a) => a.type === t.id).length ?? 0;
      return { label: t.label, description: count ? `${count} in this article` : undefined, actorType: t.id, value: t.id };
    }),
    { title: `New actor: what is ${name}?` },
  );
}
