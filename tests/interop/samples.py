"""Files used by several interop tests."""

# ruff: noqa: E501  (the files are kept as a teacher would write them)

from __future__ import annotations

GIFT = r"""// Every GIFT construct ajquiz imports.
$CATEGORY: $course$/top/alliance

::Signatory:: Who signed the 1902 treaty for Japan? {
  =Hayashi Tadasu#Right: the minister in London.
  ~Lord Lansdowne#He signed for Britain.
  ~%-50%Ito Hirobumi#He preferred a deal with Russia.
  ####The treaty was signed at Lansdowne House.
}

::Parties:: Which of these signed the Four-Power Treaty? {
  ~%50%Japan
  ~%50%France
  ~%-100%Russia#Russia was not at Washington.
}

::Venue:: The first treaty was signed in London. {TRUE}

::Renewal:: The alliance was first renewed in 1911. {FALSE#It was first renewed in 1905.}

::Foreign secretary:: Who was the British foreign secretary in 1902? {=Lansdowne =Lord Lansdowne}

$CATEGORY: $course$/top/dates

::Year:: In which year was the first treaty signed? {#1902:1}

::Range:: In which year did the alliance end? {#1921..1923####Defunct in 1921, terminated in 1923.}

::Treaties:: Match each treaty with its year. {
  =First treaty -> 1902
  =Second treaty -> 1905
  =Third treaty -> 1911
  = -> 1921
}

::Place:: The treaty was signed at Lansdowne House in {=London =Londres} on 30 January 1902.

::Ending:: By one reading the alliance ended in {~1919 =1923 ~1930} with its termination.

::Escapes:: Which sign does GIFT escape in a\{b\} \= c\: d? {=\~ \# \\}

::Rich::[html]<p>Who <strong>negotiated</strong> the renewal?</p> {=Komura Jutaro =Komura}
"""

MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/alliance</text></category>
  </question>
  <question type="multichoice">
    <name><text>Signatory</text></name>
    <questiontext format="html"><text><![CDATA[<p>Who signed the 1902 treaty for <em>Japan</em>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Signed at Lansdowne House.</p>]]></text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="100" format="html">
      <text><![CDATA[<p>Hayashi Tadasu</p>]]></text>
      <feedback format="html"><text>Right: the minister in London.</text></feedback>
    </answer>
    <answer fraction="0" format="html">
      <text>Lord Lansdowne</text>
      <feedback format="html"><text>He signed for Britain.</text></feedback>
    </answer>
    <answer fraction="-50" format="html">
      <text>Ito Hirobumi</text>
      <feedback format="html"><text></text></feedback>
    </answer>
  </question>
  <question type="multichoice">
    <name><text>Parties</text></name>
    <questiontext format="plain_text"><text>Which of these signed the Four-Power Treaty?</text></questiontext>
    <single>false</single>
    <shuffleanswers>0</shuffleanswers>
    <answer fraction="50"><text>Japan</text></answer>
    <answer fraction="50"><text>France</text></answer>
    <answer fraction="-100"><text>Russia</text><feedback><text>Russia was not at Washington.</text></feedback></answer>
  </question>
  <question type="truefalse">
    <name><text>Renewal</text></name>
    <questiontext format="plain_text"><text>The alliance was first renewed in 1911.</text></questiontext>
    <answer fraction="0"><text>true</text><feedback><text>It was first renewed in 1905.</text></feedback></answer>
    <answer fraction="100"><text>false</text><feedback><text>Right.</text></feedback></answer>
  </question>
  <question type="shortanswer">
    <name><text>Foreign secretary</text></name>
    <questiontext format="plain_text"><text>Who was the British foreign secretary in 1902?</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>Lansdowne</text></answer>
    <answer fraction="100"><text>Lord Lansdowne</text></answer>
  </question>
  <question type="category">
    <category><text>$course$/top/dates</text></category>
  </question>
  <question type="numerical">
    <name><text>Year</text></name>
    <questiontext format="plain_text"><text>In which year was the first treaty signed?</text></questiontext>
    <answer fraction="100"><text>1902</text><tolerance>1</tolerance></answer>
    <units><unit><multiplier>1</multiplier><unit_name>year</unit_name></unit></units>
  </question>
  <question type="matching">
    <name><text>Treaties</text></name>
    <questiontext format="plain_text"><text>Match each treaty with its year.</text></questiontext>
    <subquestion format="html"><text>First treaty</text><answer><text>1902</text></answer></subquestion>
    <subquestion format="html"><text>Second treaty</text><answer><text>1905</text></answer></subquestion>
    <subquestion format="html"><text>Third treaty</text><answer><text>1911</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>1921</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Chronology</text></name>
    <questiontext format="plain_text"><text>Put these in order, earliest first.</text></questiontext>
    <layouttype>VERTICAL</layouttype>
    <selecttype>ALL</selecttype>
    <answer fraction="2"><text>The first alliance treaty</text></answer>
    <answer fraction="1"><text>The Triple Intervention</text></answer>
    <answer fraction="3"><text>The Four-Power Treaty</text></answer>
  </question>
  <question type="multianswer">
    <name><text>Place</text></name>
    <questiontext format="html"><text><![CDATA[<p>The treaty was signed at Lansdowne House in {1:SHORTANSWER:=London~=Londres} on 30 January 1902.</p>]]></text></questiontext>
  </question>
</quiz>
"""
