import { describe, expect, it } from 'vitest';
import { ssmlToText } from '../../src/api/phone/ssml.js';

describe('ssmlToText', () => {
  it('keeps the words of nested tags', () => {
    expect(
      ssmlToText(
        '<speak>Hello <prosody rate="slow"><emphasis level="strong">dear</emphasis> caller</prosody>.</speak>',
      ),
    ).toBe('Hello dear caller.');
  });

  it('decodes entities, named and numeric, after the tags are gone', () => {
    expect(ssmlToText('<speak>Tom &amp; Jerry &lt;3 &quot;hi&quot; &apos;x&apos; &#65;&#x42;</speak>')).toBe(
      'Tom & Jerry <3 "hi" \'x\' AB',
    );
    // An escaped tag stays text; an unknown entity stays as written.
    expect(ssmlToText('<speak>&lt;break/&gt; &copy2 &bogus;</speak>')).toBe('<break/> &copy2 &bogus;');
  });

  it('turns a break (and paragraph and sentence ends) into a space', () => {
    expect(ssmlToText('<speak>One.<break time="2s"/>Two.<break/>Three</speak>')).toBe('One. Two. Three');
    expect(ssmlToText('<speak><p><s>First</s><s>second</s></p><p>third</p></speak>')).toBe(
      'First second third',
    );
  });

  it('keeps what say-as, sub, phoneme and Amazon tags wrap, as written', () => {
    expect(
      ssmlToText(
        '<speak>Call <say-as interpret-as="telephone">+81312345678</say-as> or visit ' +
          '<sub alias="World Wide Web">WWW</sub>, <phoneme alphabet="ipa" ph="təˈmɑːtəʊ">tomato</phoneme>, ' +
          '<amazon:effect name="whispered">quietly</amazon:effect><amazon:breath/>.</speak>',
      ),
    ).toBe('Call +81312345678 or visit WWW, tomato, quietly.');
  });

  it('passes plain text through, a lone < and & included', () => {
    expect(ssmlToText('Thank you for calling.')).toBe('Thank you for calling.');
    expect(ssmlToText('1 < 2 & 3 > 2')).toBe('1 < 2 & 3 > 2');
  });

  it('drops comments and declarations, keeps CDATA literally, collapses whitespace', () => {
    expect(
      ssmlToText(
        '<?xml version="1.0"?>\n<speak>\n  <!-- a note -->  Press\n\t<![CDATA[1 & <2>]]>  now\n</speak>',
      ),
    ).toBe('Press 1 & <2> now');
  });

  it('reads attributes that quote a >', () => {
    expect(ssmlToText('<speak><mark name="a>b"/>Hi</speak>')).toBe('Hi');
  });
});
