import { describe, expect, it } from 'vitest';
import { extractSubset, qualify } from './extract-subset';

/** The fixture holds the user and open-extension types only. */
const USER_ROOTS = ['microsoft.graph.user', 'microsoft.graph.openTypeExtension'];

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity"><Property Name="deletedDateTime" Type="Edm.DateTimeOffset" /></EntityType>
      <EntityType Name="user" BaseType="graph.directoryObject">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="businessPhones" Type="Collection(Edm.String)" Nullable="false" />
        <Property Name="mailboxSettings" Type="graph.mailboxSettings" />
        <NavigationProperty Name="manager" Type="graph.directoryObject" />
      </EntityType>
      <EntityType Name="extension" BaseType="graph.entity" Abstract="true" OpenType="true" />
      <EntityType Name="openTypeExtension" BaseType="graph.extension" OpenType="true"><Property Name="extensionName" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="group" BaseType="graph.directoryObject"><Property Name="mail" Type="Edm.String" /></EntityType>
      <ComplexType Name="mailboxSettings"><Property Name="timeZone" Type="Edm.String" /></ComplexType>
      <Function Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.user)" /><ReturnType Type="Collection(graph.user)" /></Function>
      <Function Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.group)" /><ReturnType Type="Collection(graph.group)" /></Function>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="microsoft.graph.user" />
        <EntitySet Name="groups" EntityType="microsoft.graph.group" />
        <Singleton Name="me" Type="microsoft.graph.user" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

describe('extractSubset', () => {
  it('keeps the user type, its base and complex types, its entity set, singleton and functions', () => {
    const subset = extractSubset(CSDL, 'abc', USER_ROOTS);
    expect(Object.keys(subset.types).sort()).toEqual([
      'microsoft.graph.directoryObject',
      'microsoft.graph.entity',
      'microsoft.graph.extension',
      'microsoft.graph.mailboxSettings',
      'microsoft.graph.openTypeExtension',
      'microsoft.graph.user',
    ]);
    expect(subset.types['microsoft.graph.openTypeExtension']).toMatchObject({ open: true, baseType: 'microsoft.graph.extension' });
    expect(subset.types['microsoft.graph.user']).toEqual({
      kind: 'entity',
      baseType: 'microsoft.graph.directoryObject',
      open: false,
      properties: {
        displayName: { type: 'Edm.String', nullable: true },
        businessPhones: { type: 'Collection(Edm.String)', nullable: false },
        mailboxSettings: { type: 'microsoft.graph.mailboxSettings', nullable: true },
      },
      navigation: { manager: { type: 'microsoft.graph.directoryObject' } },
    });
    expect(subset).toMatchObject({
      commit: 'abc',
      entitySets: { users: 'microsoft.graph.user' },
      singletons: { me: 'microsoft.graph.user' },
      collectionFunctions: { 'microsoft.graph.user': ['delta'] },
    });
  });

  it('qualifies aliased and collection types', () => {
    expect(qualify('Collection(graph.assignedLicense)')).toBe('microsoft.graph.assignedLicense');
    expect(qualify('Edm.String')).toBe('Edm.String');
  });

  it('fails clearly when the user type is missing', () => {
    expect(() => extractSubset(CSDL.replace(/<EntityType Name="user"[\s\S]*?<\/EntityType>/, ''), 'x', USER_ROOTS)).toThrow('Type microsoft.graph.user is not in the CSDL');
  });
});
